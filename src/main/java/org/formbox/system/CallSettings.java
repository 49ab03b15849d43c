package org.formbox.system;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The call being collected and the office running it ({@code formbox.*}): the one time zone in
 * which every time a person sees is shown, the deadline, the reminder days and the office's
 * contact named in every reply.
 *
 * @param timeZone  the zone of every time shown to a person (replies, pages, workbook, digest) and
 *                  of the deadline and reminder time
 * @param call      the call's deadline
 * @param office    who runs the call, named in replies
 * @param reminders when reminders go out
 */
@ConfigurationProperties("formbox")
public record CallSettings(ZoneId timeZone, // default in application.properties: the digest route reads it
                           @DefaultValue Call call,
                           @DefaultValue Office office,
                           @DefaultValue Reminders reminders) {

    /** @param deadline the deadline as a local date-time in {@link #timeZone()}; none: no deadline */
    public record Call(LocalDateTime deadline) {
    }

    /**
     * @param name  the office, e.g. 宁波市科学技术局重大专项处; none: the office the call definition names
     * @param phone its phone number
     * @param note  a free text added to replies, e.g. whether a stamped copy is wanted
     */
    public record Office(String name, String phone, String note) {

        /** The office replies and reminders name: this setting, else the one the call definition names. */
        public String displayName() {
            return name == null || name.isBlank() ? org.formbox.forms.FieldCatalog.definition().office() : name.strip();
        }
    }

    /**
     * @param daysBefore the days before the deadline on which reminders go out, e.g. 7,3,1
     * @param time       the local time of day at which they go out
     */
    public record Reminders(@DefaultValue({"7", "3", "1"}) List<Integer> daysBefore,
                            @DefaultValue("09:00") java.time.LocalTime time) {
    }

    /** The deadline as an instant in the configured zone, when one is set. */
    public Optional<ZonedDateTime> deadline() {
        return Optional.ofNullable(call.deadline()).map(d -> d.atZone(timeZone));
    }
}
