package org.formbox.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Map;
import org.formbox.forms.FieldCatalog;
import org.formbox.submission.EnterpriseCounts;
import org.formbox.submission.EnterpriseFile;
import org.formbox.submission.EnterpriseFiles;
import org.formbox.submission.EnterpriseRegistry;
import org.formbox.submission.EnterpriseState;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The enterprise files (docs/API.md): one per enterprise on the roster or that wrote, with its state. */
@RestController
@Tag(name = "enterprises", description = "Enterprise files: current annexes, findings standing, state (docs/API.md)")
@RequestMapping("/api/enterprises")
class EnterpriseApi {

    private final EnterpriseFiles files;
    private final EnterpriseRegistry registry;

    EnterpriseApi(EnterpriseFiles files, EnterpriseRegistry registry) {
        this.files = files;
        this.registry = registry;
    }

    /** A file's annex in the list: where it came from. */
    record AnnexRef(long submissionId, Instant receivedAt) {
        static AnnexRef of(EnterpriseFile.Annex a) {
            return a == null ? null : new AnnexRef(a.submissionId(), a.receivedAt());
        }
    }

    /**
     * A line of the list; {@code annexes} has every form of the call, by annex, null when none is
     * current. {@code annex1} and {@code annex2} are the contract's names (docs/API.md) for
     * {@code annexes.ANNEX_1} and {@code annexes.ANNEX_2}, kept for the clients written against it.
     */
    record Item(long id, String name, String region, String programme, String contactEmail, boolean onRoster,
                EnterpriseState state, boolean late, AnnexRef annex1, AnnexRef annex2, Map<String, AnnexRef> annexes,
                long errors, long warnings, int held, Instant lastReminderAt) {
        static Item of(EnterpriseFile f) {
            Map<String, AnnexRef> annexes = new LinkedHashMap<>();
            FieldCatalog.annexes().forEach(a -> annexes.put(a.name(), AnnexRef.of(f.current(a.name()))));
            return new Item(f.id(), f.name(), f.region(), f.programme(), f.contactEmail(), f.onRoster(), f.state(), f.late(),
                    annexes.get(CONTRACT_ANNEX_1), annexes.get(CONTRACT_ANNEX_2), annexes, f.errors(), f.warnings(),
                    f.held().size(), f.lastReminderAt());
        }
    }

    /** The annexes the contract's {@code annex1} and {@code annex2} name. */
    static final String CONTRACT_ANNEX_1 = "ANNEX_1";
    static final String CONTRACT_ANNEX_2 = "ANNEX_2";

    record Page(List<Item> items, long total) {
    }

    @GetMapping
    @Operation(summary = "Enterprise files, what needs action first",
            description = "state: NOT_SUBMITTED, MISSING_<annex> for each form of the call (MISSING_ANNEX_1 …), "
                    + "NEEDS_CORRECTION, ACCEPTED, or MISSING (any form missing), LATE, HELD; "
                    + "region matches a part of the district; page from 0, size 1–500.")
    Page list(@RequestParam(required = false) String state, @RequestParam(required = false) String region,
              @RequestParam(required = false) String programme, @RequestParam(defaultValue = "0") int page,
              @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || page > 100_000 || size < 1 || size > 500) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page from 0, size from 1 to 500");
        }
        List<EnterpriseFile> matching = BoardFilter.of(state, region, programme).apply(files.all());
        List<Item> items = matching.stream().skip((long) page * size).limit(size).map(Item::of).toList();
        return new Page(items, matching.size());
    }

    @GetMapping("/counts")
    @Operation(summary = "The counts of the collection, from the files' states (the dashboard's figures)")
    EnterpriseCounts counts() {
        return EnterpriseCounts.of(files.all());
    }

    /** A finding standing in the file. */
    record FindingItem(String rule, String severity, List<String> fields, String message) {
    }

    /** The file in full; {@code annex1} and {@code annex2} as in {@link Item}. */
    record Detail(long id, String name, String region, String programme, String contactName, String contactEmail,
                  String contactPhone, boolean onRoster, EnterpriseState state, String stateLabel, boolean late,
                  Instant completedAt, EnterpriseFile.Annex annex1, EnterpriseFile.Annex annex2,
                  Map<String, EnterpriseFile.Annex> annexes, long errors, long warnings,
                  List<FindingItem> findings, List<EnterpriseFile.Annex> held, List<EnterpriseFile.Annex> versions,
                  List<EnterpriseFiles.Letter> correspondence, Instant lastReminderAt, String bouncedAddress) {
    }

    @GetMapping("/{id}")
    @Operation(summary = "One file: current fields of both annexes, findings standing, versions, correspondence")
    ResponseEntity<Detail> detail(@PathVariable long id) {
        return files.file(id).map(f -> ResponseEntity.ok(new Detail(f.id(), f.name(), f.region(), f.programme(),
                f.contactName(), f.contactEmail(), f.contactPhone(), f.onRoster(), f.state(), f.state().label(), f.late(),
                f.completedAt(), f.current(CONTRACT_ANNEX_1), f.current(CONTRACT_ANNEX_2), annexes(f), f.errors(), f.warnings(),
                f.findings().stream().map(x -> new FindingItem(x.rule(), x.severity().name(), x.fields(), x.message())).toList(),
                f.held(), f.versions(), files.correspondence(id), f.lastReminderAt(), f.bouncedAddress())))
                .orElse(ResponseEntity.notFound().build());
    }

    /** Every form of the call, by annex, with its current document or null. */
    private static Map<String, EnterpriseFile.Annex> annexes(EnterpriseFile f) {
        Map<String, EnterpriseFile.Annex> annexes = new LinkedHashMap<>();
        FieldCatalog.annexes().forEach(a -> annexes.put(a.name(), f.current(a.name())));
        return annexes;
    }

    @PostMapping("/{id}/documents/{documentId}/confirm")
    @Operation(summary = "Confirm a held document (COORDINATOR): it joins the file, as current when it is the latest of its kind")
    ResponseEntity<?> confirm(@PathVariable long id, @PathVariable long documentId, Authentication user,
                              HttpServletRequest request) {
        Roles.requireCoordinator(request);
        return files.confirm(id, documentId, user.getName())
                ? ResponseEntity.ok(Map.of("enterprise", id, "document", documentId, "confirmed", true))
                : ResponseEntity.notFound().build();
    }

    /** @param rosterId the roster entry an unexpected enterprise is linked to */
    record LinkRequest(Long rosterId) {
    }

    @PostMapping("/{id}/link")
    @Operation(summary = "Link an unexpected enterprise to a roster entry (COORDINATOR); who and when are recorded")
    ResponseEntity<?> link(@PathVariable long id, @RequestBody LinkRequest body, Authentication user,
                           HttpServletRequest request) {
        Roles.requireCoordinator(request);
        if (body == null || body.rosterId() == null) {
            return ResponseEntity.badRequest().body(Map.of("error", "rosterId is required"));
        }
        return registry.link(id, body.rosterId(), user.getName())
                ? ResponseEntity.ok(Map.of("linked", id, "to", body.rosterId()))
                : ResponseEntity.badRequest().body(Map.of("error", "not an unexpected enterprise and a roster entry"));
    }
}
