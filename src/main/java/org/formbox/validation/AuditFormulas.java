package org.formbox.validation;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.formbox.forms.CallDefinition;
import org.formbox.forms.DefinitionException;
import org.formbox.forms.FieldDef;
import org.formbox.forms.FormDef;
import org.formbox.forms.Regions;
import org.formbox.forms.RuleDef;

/**
 * The audit rules of a call definition (审核公式), compiled once with CEL and run against each
 * document. Every field of the call is a variable: numbers as {@code double}, text as
 * {@code string}; the yearly table is a map, {@code financials["2016"].total_assets}. What a
 * formula cannot say is a named function: {@code is_phone}, {@code is_email}, {@code is_region},
 * {@code is_programme}, {@code abs}. A formula that names an unknown field or does not compile is a
 * {@link DefinitionException} naming the file and the rule's line, so the service does not start.
 */
public final class AuditFormulas {

    private static final System.Logger LOG = System.getLogger(AuditFormulas.class.getName());
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(quote|value|label|text|row|number|rounded):([^{}]+)}");
    private static final Pattern TABLE_CELL = Pattern.compile("\\b([a-z][a-z0-9_]*)\\[\"([^\"]*)\"]\\.([a-z][a-z0-9_]*)");
    private static final CelOptions OPTIONS = CelOptions.current().enableHeterogeneousNumericComparisons(true).build();
    private static final Map<CallDefinition, AuditFormulas> COMPILED = new IdentityHashMap<>();

    private final List<Formula> formulas;

    /** One rule for one year (or for no year): its formulas compiled, its fields and message resolved. */
    private record Formula(RuleDef rule, List<String> fields, CelRuntime.Program when, CelRuntime.Program check,
                           String message, Map<String, CelRuntime.Program> computed) {
    }

    private AuditFormulas(List<Formula> formulas) {
        this.formulas = formulas;
    }

    /** The compiled rules of this definition, compiled on first use. */
    public static AuditFormulas of(CallDefinition definition) {
        synchronized (COMPILED) {
            if (!COMPILED.containsKey(definition) && COMPILED.size() >= 8) {
                COMPILED.clear(); // definitions replaced long ago (tests start many contexts)
            }
            return COMPILED.computeIfAbsent(definition, AuditFormulas::compile);
        }
    }

    /** Compiles every rule; the first that does not compile is a {@link DefinitionException}. */
    public static AuditFormulas compile(CallDefinition definition) {
        Map<String, FieldDef> fields = new LinkedHashMap<>();
        definition.fields().forEach(f -> fields.put(f.key(), f));
        FormDef.Table table = definition.forms().stream().map(FormDef::table).filter(t -> t != null).findFirst().orElse(null);
        CelCompiler compiler = compiler(definition, table);
        CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS)
                .addFunctionBindings(bindings()).build();
        List<Formula> formulas = new ArrayList<>();
        for (RuleDef rule : definition.rules()) {
            List<String> years = rule.eachYear() && table != null ? table.years() : java.util.Collections.singletonList(null);
            for (String year : years) {
                formulas.add(formula(definition, rule, year, table, fields, compiler, runtime));
            }
        }
        return new AuditFormulas(List.copyOf(formulas));
    }

    /** Adds the findings of the rules for the form of this annex (ANNEX_2 …). */
    void check(String annex, Answers answers, List<Finding> findings) {
        Map<String, Object> variables = answers.variables();
        for (Formula f : formulas) {
            if (!f.rule().form().equals(annex) || !applies(f, answers)) {
                continue;
            }
            try {
                if (f.when() != null && !Boolean.TRUE.equals(f.when().eval(variables))) {
                    continue;
                }
                if (!Boolean.TRUE.equals(f.check().eval(variables))) {
                    findings.add(new Finding(f.rule().id(), Severity.valueOf(f.rule().severity()), f.fields(),
                            message(f, answers, variables)));
                }
            } catch (CelEvaluationException e) {
                // a value the formula needs and no field of the rule names: the rule cannot judge
                LOG.log(System.Logger.Level.WARNING, "rule " + f.rule().id() + " (line " + f.rule().line() + ") not checked: "
                        + e.getMessage());
            }
        }
    }

    /** A rule speaks only when every field it names holds an answer, unless it is about blanks. */
    private static boolean applies(Formula f, Answers answers) {
        if (f.rule().alsoWhenBlank()) {
            return true;
        }
        return f.fields().stream().allMatch(answers::answered);
    }

    private static Formula formula(CallDefinition definition, RuleDef rule, String year, FormDef.Table table,
                                   Map<String, FieldDef> fields, CelCompiler compiler, CelRuntime runtime) {
        String lastYear = table == null ? "" : table.lastYear();
        java.util.function.UnaryOperator<String> years = s -> {
            String t = s.replace("$last_year", lastYear);
            return year == null ? t : t.replace("$year", year);
        };
        List<String> keys = rule.fields().stream().map(years).toList();
        CelRuntime.Program when = rule.when().isBlank() ? null
                : program(definition, rule, years.apply(rule.when()), SimpleType.BOOL, fields, compiler, runtime);
        CelRuntime.Program check = program(definition, rule, years.apply(rule.check()), SimpleType.BOOL, fields, compiler, runtime);
        String message = years.apply(rule.message());
        Map<String, CelRuntime.Program> computed = new HashMap<>();
        Matcher m = PLACEHOLDER.matcher(message);
        while (m.find()) {
            String what = m.group(1);
            String argument = m.group(2).strip();
            if (what.equals("number") || what.equals("rounded")) {
                computed.put(argument, program(definition, rule, argument, SimpleType.DOUBLE, fields, compiler, runtime));
            } else if (!fields.containsKey(argument)) {
                throw new DefinitionException(definition.file(), rule.line(), "the message of rule " + rule.id()
                        + " names the field “" + argument + "”, which is not defined",
                        "correct the key in {" + what + ":…} (fields are listed under forms:)");
            }
        }
        return new Formula(rule, keys, when, check, message, Map.copyOf(computed));
    }

    private static CelRuntime.Program program(CallDefinition definition, RuleDef rule, String formula, CelType result,
                                              Map<String, FieldDef> fields, CelCompiler compiler, CelRuntime runtime) {
        Matcher cells = TABLE_CELL.matcher(formula);
        while (cells.find()) {
            String key = cells.group(1) + "." + cells.group(2) + "." + cells.group(3);
            if (!fields.containsKey(key)) {
                throw new DefinitionException(definition.file(), rule.line(), "rule " + rule.id() + " uses the table cell “"
                        + cells.group() + "”, which is not defined", "use a year and a row of the table (e.g. financials[\"$year\"].total_assets)");
            }
        }
        try {
            CelAbstractSyntaxTree ast = compiler.compile(formula).getAst();
            if (!ast.getResultType().equals(result) && !(result == SimpleType.DOUBLE && ast.getResultType() == SimpleType.DYN)) {
                throw new DefinitionException(definition.file(), rule.line(), "the formula “" + formula + "” of rule " + rule.id()
                        + " gives a " + ast.getResultType().name() + ", not a " + result.name(),
                        result == SimpleType.BOOL ? "write a condition that is true or false, e.g. fixed_assets <= total_assets"
                                : "write a number, e.g. total_assets - owners_equity");
            }
            return runtime.createProgram(ast);
        } catch (CelValidationException e) {
            // the first error, without CEL's drawing of where it is
            String why = e.getMessage().split("\n")[0].replaceFirst("^ERROR: <input>:", "at ").strip();
            boolean unknown = why.contains("undeclared reference");
            throw new DefinitionException(definition.file(), rule.line(), "the formula “" + formula + "” of rule " + rule.id()
                    + (unknown ? " names an unknown field" : " is not valid CEL") + " (" + why + ")",
                    unknown ? "correct the field key (fields are the keys under forms:), or define the field"
                            : "correct the formula: numbers such as 10.0, text in quotes, && and || for and/or");
        } catch (CelEvaluationException e) {
            throw new DefinitionException(definition.file(), rule.line(), "the formula “" + formula + "” of rule " + rule.id()
                    + " cannot be run (" + e.getMessage() + ")", "simplify the formula");
        }
    }

    private static CelCompiler compiler(CallDefinition definition, FormDef.Table table) {
        var builder = CelCompilerFactory.standardCelCompilerBuilder().setOptions(OPTIONS)
                .setStandardMacros(dev.cel.parser.CelStandardMacro.STANDARD_MACROS);
        for (FieldDef f : definition.fields()) {
            boolean cell = table != null && f.key().startsWith(table.key() + ".");
            if (!cell) {
                builder.addVar(f.key(), f.type().numeric() ? SimpleType.DOUBLE : SimpleType.STRING);
            }
        }
        if (table != null) {
            builder.addVar(table.key(), MapType.create(SimpleType.STRING, MapType.create(SimpleType.STRING, SimpleType.DOUBLE)));
        }
        builder.addFunctionDeclarations(
                predicate("is_phone"), predicate("is_email"), predicate("is_region"), predicate("is_programme"),
                CelFunctionDecl.newFunctionDeclaration("abs",
                        CelOverloadDecl.newGlobalOverload("abs_double", SimpleType.DOUBLE, SimpleType.DOUBLE)));
        return builder.build();
    }

    private static CelFunctionDecl predicate(String name) {
        return CelFunctionDecl.newFunctionDeclaration(name,
                CelOverloadDecl.newGlobalOverload(name + "_string", SimpleType.BOOL, SimpleType.STRING));
    }

    private static List<CelFunctionBinding> bindings() {
        return List.of(
                CelFunctionBinding.from("is_phone_string", String.class, PhoneNumbers::anyValid),
                CelFunctionBinding.from("is_email_string", String.class, EmailAddresses::anyValid),
                CelFunctionBinding.from("is_region_string", String.class, Regions::recognises),
                CelFunctionBinding.from("is_programme_string", String.class, Programmes::recognises),
                CelFunctionBinding.from("abs_double", Double.class, d -> Math.abs(d)));
    }

    private static String message(Formula f, Answers a, Map<String, Object> variables) throws CelEvaluationException {
        Matcher m = PLACEHOLDER.matcher(f.message());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(2).strip();
            String text = switch (m.group(1)) {
                case "quote" -> a.quote(key);
                case "value" -> Quantities.withUnit(key, a.number(key));
                case "label" -> Answers.label(key);
                case "text" -> a.text(key);
                case "row" -> Answers.rowLabel(key);
                case "number" -> Quantities.plain(number(f.computed().get(key).eval(variables)));
                default -> Quantities.rounded(number(f.computed().get(key).eval(variables)));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static BigDecimal number(Object value) {
        return value instanceof Double d ? BigDecimal.valueOf(d) : new BigDecimal(String.valueOf(value));
    }

    /** The annexes of the forms these rules check, for tests and reports. */
    Set<String> forms() {
        return Set.copyOf(formulas.stream().map(f -> f.rule().form()).toList());
    }
}
