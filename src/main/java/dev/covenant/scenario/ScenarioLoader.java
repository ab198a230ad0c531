package dev.covenant.scenario;

import dev.covenant.model.Ages;
import dev.covenant.model.Balancing;
import dev.covenant.model.BiometricSchedule;
import dev.covenant.model.Breach;
import dev.covenant.model.Capture;
import dev.covenant.model.ChangeNotice;
import dev.covenant.model.Cohort;
import dev.covenant.model.HealthRecords;
import dev.covenant.model.Interception;
import dev.covenant.model.ConsentGiven;
import dev.covenant.model.Disclosure;
import dev.covenant.model.Document;
import dev.covenant.model.DocumentVersion;
import dev.covenant.model.Keyed;
import dev.covenant.model.LegalBasis;
import dev.covenant.model.MarketPlacement;
import dev.covenant.model.Method;
import dev.covenant.model.Model;
import dev.covenant.model.Notice;
import dev.covenant.model.NoticeExemption;
import dev.covenant.model.OptOut;
import dev.covenant.model.AccountDeletion;
import dev.covenant.model.DeletionRequest;
import dev.covenant.model.Order;
import dev.covenant.model.OrderKind;
import dev.covenant.model.OrderProhibition;
import dev.covenant.model.OrderRequirement;
import dev.covenant.model.Period;
import dev.covenant.model.Platform;
import dev.covenant.model.Practice;
import dev.covenant.model.ProcessorPurpose;
import dev.covenant.model.Limitation;
import dev.covenant.model.Promise;
import dev.covenant.model.PromiseKind;
import dev.covenant.model.Recipient;
import dev.covenant.model.Region;
import dev.covenant.model.Relationship;
import dev.covenant.model.Restriction;
import dev.covenant.model.Retention;
import dev.covenant.model.Scenario;
import dev.covenant.model.Service;
import dev.covenant.model.Subject;
import dev.covenant.model.SubjectSource;
import dev.covenant.model.Setting;
import dev.covenant.model.Taxonomy;
import dev.covenant.model.LimitSensitive;
import dev.covenant.model.Sensitive;
import dev.covenant.model.SpecialCategoryCondition;
import dev.covenant.source.Diagnostic;
import dev.covenant.source.SourceSpan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns one scenario file into typed facts, strictly: every unknown key, wrong type, bad date,
 * unknown value, dangling reference, duplicate id and missing key is reported with its position,
 * and a scenario with any diagnostic is not evaluated. The format is documented in
 * {@code docs/scenario-format.md}.
 */
public final class ScenarioLoader {

    private static final Set<String> TOP = Set.of("scenario", "title", "as_of", "platform", "members", "subjects", "promises",
            "documents", "settings", "practices", "models", "expect", "orders", "deletion_requests", "breaches");
    private static final Set<String> PLATFORM = Set.of("name", "services", "limit_sensitive", "health_records");
    private static final Set<String> LIMIT_SENSITIVE = Set.of("since");
    private static final Set<String> HEALTH_RECORDS = Set.of("role", "sources", "hipaa_covered");
    private static final Set<String> COHORT = Set.of("cohort", "tier", "region", "count", "joined", "ages");
    private static final Set<String> AGES = Set.of("from", "to");
    private static final Set<String> SUBJECT = Set.of("id", "region", "count", "source", "since", "informed", "exemption");
    private static final Set<String> EXEMPTION = Set.of("kind", "measures");
    private static final Set<String> PERIOD = Set.of("from", "to");
    private static final Set<String> PROMISE = Set.of("id", "source", "kind", "tiers", "forbids", "excludes_regions",
            "uses", "limits_to", "since", "until", "retention_days", "promises_deletion");
    private static final Set<String> FORBIDS = Set.of("uses", "categories");
    private static final Set<String> LIMITS_TO = Set.of("categories", "uses");
    private static final Set<String> DOCUMENT = Set.of("id", "kind", "change_notice", "versions");
    private static final Set<String> CHANGE_NOTICE = Set.of("days", "clause");
    private static final Set<String> VERSION = Set.of("version", "published", "effective", "discloses", "notice",
            "text_sha256", "captures", "biometric_retention");
    private static final Set<String> DISCLOSES = Set.of("use", "categories", "legal_basis", "recipients");
    private static final Set<String> NOTICE = Set.of("channel", "sent");
    private static final Set<String> CAPTURE = Set.of("captured", "text_sha256");
    private static final Set<String> SETTING = Set.of("id", "introduced", "default", "enables", "regions", "opt_out",
            "changes", "withdrawn");
    private static final Set<String> DEFAULT_CHANGE = Set.of("on", "default");
    private static final Set<String> OPT_OUT = Set.of("method", "retroactive");
    private static final Set<String> PRACTICE = Set.of("id", "use", "categories", "tiers", "regions", "recipients",
            "legal_basis", "objection", "withdrawal", "data_collected_from", "started", "ended", "members", "subjects",
            "consent", "balancing", "special_category_condition", "infers_characteristics", "retention", "interception");
    private static final Set<String> INTERCEPTION = Set.of("mode", "consented", "confidential", "purpose_criminal_or_tortious",
            "consented_by");
    private static final Set<String> CONSENT = Set.of("obtained", "on", "wording", "informed", "specific",
            "condition_of_service", "explicit");
    private static final Set<String> BALANCING = Set.of("assessed", "note");
    private static final Set<String> RETENTION = Set.of("limit_days", "kept_days", "on_account_deletion", "legal_hold");
    private static final Set<String> DELETION_REQUEST = Set.of("id", "region", "count", "received", "practices", "completed",
            "by_parent");
    /** A retention longer than a century is a typo, not a schedule. */
    private static final long MAX_RETENTION_DAYS = 36_525;
    private static final Set<String> RECIPIENT = Set.of("name", "relationship", "purpose", "sold");
    private static final Set<String> METHOD_ONLY = Set.of("method");
    private static final Set<String> MODEL = Set.of("id", "general_purpose", "trained_by", "placed_on_market",
            "training_summary_published", "deleted");
    private static final Set<String> PLACEMENT = Set.of("region", "date");
    private static final Set<String> EXPECT = Set.of("findings", "absent");
    private static final Set<String> BIOMETRIC_RETENTION = Set.of("on_purpose_satisfied", "years_after_last_interaction");
    private static final Set<String> ORDER = Set.of("id", "issuer", "kind", "docket", "effective", "until", "years",
            "forbids", "requires");
    private static final Set<String> BREACH = Set.of("id", "discovered", "categories", "people", "risk", "authority_notified",
            "people_notified", "delay_reasons", "unauthorised_disclosure", "exception", "public_notice");

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern RULE_ID = Pattern.compile("[A-Z0-9][A-Z0-9-]*");

    private ScenarioLoader() {
    }

    /** Reads and checks one file; {@code displayPath} is how the file is named in diagnostics and evidence. */
    public static LoadResult load(Path file, String displayPath) {
        byte[] bytes;
        try {
            if (Files.size(file) > YamlTree.MAX_BYTES) {
                return LoadResult.invalid(displayPath, List.of(new Diagnostic(SourceSpan.of(displayPath, 0, 0),
                        "file is " + Files.size(file) + " bytes; scenario files are limited to " + YamlTree.MAX_BYTES + " bytes")));
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return LoadResult.invalid(displayPath, List.of(new Diagnostic(SourceSpan.of(displayPath, 0, 0),
                    "cannot read file: " + describe(e))));
        }
        return parse(bytes, displayPath);
    }

    /** Reads and checks one scenario held in memory (a request body, a test). */
    public static LoadResult parse(byte[] bytes, String displayPath) {
        YamlTree.Result tree = YamlTree.read(displayPath, bytes);
        List<Diagnostic> diagnostics = new ArrayList<>(tree.diagnostics());
        if (tree.root() == null) {
            return LoadResult.invalid(displayPath, diagnostics);
        }
        Binder binder = new Binder(displayPath, diagnostics);
        Optional<Scenario> scenario = binder.bind(tree.root());
        if (hasErrors(diagnostics) || scenario.isEmpty()) {
            return LoadResult.invalid(displayPath, diagnostics);
        }
        return LoadResult.valid(displayPath, scenario.get(), binder.expect);
    }

    /** A "did you mean" hint for a misspelt id, or an empty string. */
    public static String suggestion(String typed, java.util.Collection<String> known) {
        return Suggestions.didYouMean(typed, known);
    }

    /**
     * Reads several scenarios held in memory (a request body): YAML documents separated by {@code ---}, or
     * a list (a JSON array) of scenario mappings. Each is reported as {@code name[i]} when there are several,
     * with lines and columns counted in the whole body.
     */
    public static List<LoadResult> parseMany(byte[] bytes, String name) {
        YamlTree.Result tree = YamlTree.readAll(name, bytes);
        if (tree.root() == null) {
            return List.of(LoadResult.invalid(name, tree.diagnostics()));
        }
        List<Node> scenarios = new ArrayList<>();
        for (Node document : ((Node.ListNode) tree.root()).items()) {
            if (document instanceof Node.ListNode list) {
                scenarios.addAll(list.items());
            } else {
                scenarios.add(document);
            }
        }
        List<LoadResult> results = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            String display = scenarios.size() == 1 ? name : name + "[" + i + "]";
            List<Diagnostic> diagnostics = new ArrayList<>();
            if (i == 0) {
                diagnostics.addAll(tree.diagnostics());
            }
            Binder binder = new Binder(display, diagnostics);
            Optional<Scenario> scenario = binder.bind(scenarios.get(i));
            results.add(hasErrors(diagnostics) || scenario.isEmpty()
                    ? LoadResult.invalid(display, relabel(diagnostics, display)) : LoadResult.valid(display, scenario.get(), binder.expect));
        }
        return results;
    }

    /** Diagnostics of the whole stream name the file as the stream; name them as the scenario they concern. */
    private static List<Diagnostic> relabel(List<Diagnostic> diagnostics, String display) {
        return diagnostics.stream().map(d -> new Diagnostic(new SourceSpan(display, d.where().line(), d.where().column(),
                d.where().path()), d.message(), d.level())).toList();
    }

    /** Warnings alone never keep a file from being a scenario. */
    private static boolean hasErrors(List<Diagnostic> diagnostics) {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    private static String describe(IOException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return e instanceof java.nio.file.AccessDeniedException ? "permission denied" : reason;
    }

    /** One pass over the tree; collects every diagnostic rather than stopping at the first. */
    private static final class Binder {
        private final String file;
        private final List<Diagnostic> diagnostics;
        /** Every valid region code written, with where, for the checks that look at them together. */
        private final List<RegionHints.Written> regions = new ArrayList<>();

        Binder(String file, List<Diagnostic> diagnostics) {
            this.file = file;
            this.diagnostics = diagnostics;
        }

        /** The file's {@code expect:} block, once bound (null when it has none). */
        private Expectation expect;

        /** The biometric retention schedules the document versions publish ({@code versions[].biometric_retention}). */
        private final List<BiometricSchedule> biometricSchedules = new ArrayList<>();

        Optional<Scenario> bind(Node root) {
            Optional<Fields> opened = Fields.open(root, "", TOP, diagnostics);
            if (opened.isEmpty()) {
                return Optional.empty();
            }
            Fields top = opened.get();
            Optional<String> id = top.requiredString("scenario");
            Optional<String> title = top.string("title");
            Optional<LocalDate> asOf = top.requiredDate("as_of");
            Optional<Platform> platform = top.requiredObject("platform", PLATFORM).flatMap(this::platform);

            List<Cohort> cohorts = unique(top.objects("members", COHORT), "cohort", "member cohort", this::cohort);
            List<Fields> subjectFields = top.objects("subjects", SUBJECT);
            Set<String> subjectIds = writtenIds(subjectFields);
            List<Subject> subjects = unique(subjectFields, "id", "subject", this::subject);
            List<Promise> promises = unique(top.objects("promises", PROMISE), "id", "promise", this::promise);
            List<DocumentVersion> versions = new ArrayList<>();
            List<Disclosure> disclosures = new ArrayList<>();
            List<Capture> captures = new ArrayList<>();
            List<Document> documents = unique(top.objects("documents", DOCUMENT), "id", "document",
                    f -> document(f, versions, disclosures, captures));
            // References are checked against the ids as written, so an invalid setting is reported once, not
            // again at every practice that refers to it.
            List<Fields> settingFields = top.objects("settings", SETTING);
            Set<String> settingIds = writtenIds(settingFields);
            List<Setting> settings = unique(settingFields, "id", "setting", this::setting);
            List<Fields> practiceFields = top.objects("practices", PRACTICE);
            Set<String> practiceIds = writtenIds(practiceFields);
            List<Practice> practices = unique(practiceFields, "id", "practice", f -> practice(f, settingIds, subjectIds));
            List<Model> models = unique(top.objects("models", MODEL), "id", "model", f -> model(f, practiceIds));
            expect = top.object("expect", EXPECT).map(this::expectation).orElse(null);
            List<Order> orders = unique(top.objects("orders", ORDER), "id", "order", this::order);
            List<Retention> retentions = retentions(practiceFields, practices);
            List<DeletionRequest> deletionRequests = unique(top.objects("deletion_requests", DELETION_REQUEST), "id",
                    "deletion request", f -> deletionRequest(f, practiceIds));
            Set<String> peopleIds = new java.util.TreeSet<>(subjectIds);
            cohorts.forEach(c -> peopleIds.add(c.id()));
            List<Breach> breaches = unique(top.objects("breaches", BREACH), "id", "breach", f -> breach(f, peopleIds));

            diagnostics.addAll(RegionHints.confusions(regions));
            if (id.isEmpty() || asOf.isEmpty() || platform.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Scenario(id.get(), title.orElse(id.get()), asOf.get(), file, top.spanOf("scenario"),
                    platform.get(), cohorts, subjects, promises, documents, versions, disclosures, captures, settings,
                    practices, models, orders, retentions, deletionRequests, biometricSchedules, breaches, diagnostics.stream().filter(Diagnostic::isWarning).toList()));
        }

        private Optional<Platform> platform(Fields f) {
            Optional<String> name = f.requiredString("name");
            List<Service> services = f.strings("services", key -> dev.covenant.model.Keyed.parse(Service.class, key).isPresent()
                    ? null : "unknown service '" + key + "'; expected one of: " + dev.covenant.model.Keyed.choices(Service.class))
                    .stream().map(key -> dev.covenant.model.Keyed.parse(Service.class, key).orElseThrow()).toList();
            LimitSensitive limitSensitive = limitSensitive(f);
            Optional<HealthRecords> healthRecords = f.object("health_records", HEALTH_RECORDS).flatMap(this::healthRecords);
            if (f.has("health_records") && healthRecords.isEmpty()) {
                return Optional.empty();
            }
            return name.map(n -> new Platform(n, services, limitSensitive, healthRecords.orElse(null), f.span()));
        }

        /** The way California consumers may limit the use of their sensitive personal information ({@code limit_sensitive}), or null. */
        private LimitSensitive limitSensitive(Fields f) {
            return f.object("limit_sensitive", LIMIT_SENSITIVE)
                    .flatMap(l -> l.requiredDate("since").map(since -> new LimitSensitive(since, l.span())))
                    .orElse(null);
        }

        /** {@code health_records}: what the platform is under the Health Breach Notification Rule, every key stated. */
        private Optional<HealthRecords> healthRecords(Fields h) {
            Optional<HealthRecords.Role> role = h.requiredChoice("role", HealthRecords.Role.class);
            Optional<Long> sources = h.has("sources") ? h.count("sources") : Binder.<Long>missing(h, "sources");
            Optional<Boolean> hipaa = h.has("hipaa_covered") ? h.flag("hipaa_covered") : Binder.<Boolean>missing(h, "hipaa_covered");
            if (role.isEmpty() || sources.isEmpty() || hipaa.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new HealthRecords(role.get(), sources.get(), hipaa.get()));
        }

        /**
         * A breach the platform became aware of: the people it affected are member cohorts or subjects by id; a notice
         * cannot precede the discovery; a public notice replaces telling the people only for disproportionate effort
         * (GDPR Art. 34(3)(c)), and is required then.
         */
        private Optional<Breach> breach(Fields f, Set<String> peopleIds) {
            Optional<String> id = f.requiredString("id");
            Optional<LocalDate> discovered = f.requiredDate("discovered");
            List<String> categories = nonEmpty(f, "categories", Binder::checkCategory);
            int problems = diagnostics.size();
            List<String> people = nonEmpty(f, "people", p -> peopleIds.contains(p) ? null
                    : "refers to '" + p + "', which is neither a member cohort nor a subject" + Suggestions.didYouMean(p, peopleIds));
            boolean badPeople = diagnostics.size() > problems;
            Optional<Breach.Risk> risk = f.requiredChoice("risk", Breach.Risk.class);
            Optional<LocalDate> authority = f.date("authority_notified");
            Optional<LocalDate> told = f.date("people_notified");
            Optional<String> reasons = f.string("delay_reasons");
            Optional<Boolean> disclosure = f.has("unauthorised_disclosure") ? f.flag("unauthorised_disclosure") : Optional.of(false);
            Optional<Breach.Exemption> exception = f.choice("exception", Breach.Exemption.class);
            Optional<LocalDate> publicNotice = f.date("public_notice");
            boolean bad = id.isEmpty() || discovered.isEmpty() || categories.isEmpty() || people.isEmpty() || badPeople
                    || risk.isEmpty() || disclosure.isEmpty()
                    || (f.has("authority_notified") && authority.isEmpty()) || (f.has("people_notified") && told.isEmpty())
                    || (f.has("delay_reasons") && reasons.isEmpty()) || (f.has("exception") && exception.isEmpty())
                    || (f.has("public_notice") && publicNotice.isEmpty());
            for (String key : List.of("authority_notified", "people_notified", "public_notice")) {
                Optional<LocalDate> day = key.equals("authority_notified") ? authority : key.equals("people_notified") ? told : publicNotice;
                if (discovered.isPresent() && day.isPresent() && day.get().isBefore(discovered.get())) {
                    f.report(f.spanOf(key), "'" + key + "' (" + day.get() + ") is before 'discovered' (" + discovered.get() + ") in "
                            + Fields.where(f.path()) + ": a notice follows awareness of the breach");
                    bad = true;
                }
            }
            boolean disproportionate = exception.isPresent() && exception.get() == Breach.Exemption.DISPROPORTIONATE_EFFORT;
            if (disproportionate && !f.has("public_notice")) {
                f.report(f.spanOf("exception"), "missing required key 'public_notice' in " + Fields.where(f.path())
                        + ": disproportionate effort excuses telling each person only with a public communication instead (GDPR Art. 34(3)(c))");
                bad = true;
            } else if (f.has("public_notice") && exception.isPresent() && !disproportionate) {
                f.report(f.spanOf("public_notice"), "'public_notice' in " + Fields.where(f.path())
                        + " is the public communication of GDPR Art. 34(3)(c); it goes with exception: disproportionate-effort");
                bad = true;
            }
            if (bad) {
                return Optional.empty();
            }
            return Optional.of(new Breach(id.get(), discovered.get(), categories, people, risk.get(), authority.orElse(null),
                    told.orElse(null), reasons.orElse(null), disclosure.get(), exception.orElse(null), publicNotice.orElse(null), f.span()));
        }

        private Optional<Cohort> cohort(Fields f) {
            Optional<String> id = f.requiredString("cohort");
            Optional<String> tier = f.requiredString("tier");
            Optional<String> region = f.requiredString("region").filter(r -> validRegion(f, "region", r));
            Optional<Long> count = (f.has("count") ? f.count("count") : Binder.<Long>missing(f, "count"))
                    .filter(n -> valid(f, "count", n <= Cohort.MAX_MEMBERS ? null : String.format(java.util.Locale.ROOT,
                            "%,d is more people than live on Earth (at most %,d)", n, Cohort.MAX_MEMBERS)));
            Optional<Period> joined = f.requiredObject("joined", PERIOD).flatMap(j -> period(j, "from", "to"));
            Optional<Ages> ages = f.object("ages", AGES).flatMap(this::ages);
            if (id.isEmpty() || tier.isEmpty() || region.isEmpty() || count.isEmpty() || joined.isEmpty()
                    || (f.has("ages") && ages.isEmpty())) {
                return Optional.empty();
            }
            return Optional.of(new Cohort(id.get(), tier.get(), region.get(), count.get(), joined.get(), ages.orElse(null), f.span()));
        }

        /** A cohort's ages: whole years, from the youngest to the oldest. */
        private Optional<Ages> ages(Fields a) {
            Optional<Long> from = a.has("from") ? a.count("from") : Binder.<Long>missing(a, "from");
            Optional<Long> to = a.has("to") ? a.count("to") : Binder.<Long>missing(a, "to");
            if (from.isEmpty() || to.isEmpty()) {
                return Optional.empty();
            }
            if (to.get() > Ages.MAX) {
                a.report(a.spanOf("to"), "'to' in " + Fields.where(a.path()) + ": " + to.get() + " is not an age (at most " + Ages.MAX + ")");
                return Optional.empty();
            }
            if (to.get() < from.get()) {
                a.report(a.spanOf("to"), "'to' (" + to.get() + ") is below 'from' (" + from.get() + ") in " + Fields.where(a.path()));
                return Optional.empty();
            }
            return Optional.of(new Ages(from.get().intValue(), to.get().intValue()));
        }

        private Optional<Subject> subject(Fields f) {
            Optional<String> id = f.requiredString("id");
            Optional<String> region = f.requiredString("region").filter(r -> validRegion(f, "region", r));
            Optional<Long> count = (f.has("count") ? f.count("count") : Binder.<Long>missing(f, "count"))
                    .filter(n -> valid(f, "count", n <= Cohort.MAX_MEMBERS ? null : String.format(java.util.Locale.ROOT,
                            "%,d is more people than live on Earth (at most %,d)", n, Cohort.MAX_MEMBERS)));
            Optional<SubjectSource> source = f.requiredChoice("source", SubjectSource.class);
            Optional<LocalDate> since = f.requiredDate("since");
            Optional<Notice> informed = f.object("informed", NOTICE).flatMap(this::notice);
            Optional<NoticeExemption> exemption = f.object("exemption", EXEMPTION).flatMap(this::exemption);
            // Art. 14(5)(b) excuses telling people whose data were not obtained from them; Art. 13 has no such exception.
            if (f.has("exemption") && source.isPresent() && source.get().fromThemselves()) {
                f.report(f.spanOf("exemption"), "'exemption' in " + Fields.where(f.path())
                        + " is GDPR Art. 14(5)(b), for data not obtained from the people; source directly is Art. 13, which has no such exemption");
                return Optional.empty();
            }
            if (id.isEmpty() || region.isEmpty() || count.isEmpty() || source.isEmpty() || since.isEmpty()
                    || (f.has("informed") && informed.isEmpty()) || (f.has("exemption") && exemption.isEmpty())) {
                return Optional.empty();
            }
            return Optional.of(new Subject(id.get(), region.get(), count.get(), source.get(), since.get(),
                    informed.orElse(null), exemption.orElse(null), f.span()));
        }

        /** {@code {channel, sent}}: how and when people were told (a document version's notice, a subject's). */
        private Optional<Notice> notice(Fields n) {
            Optional<String> channel = n.requiredString("channel");
            Optional<LocalDate> sent = n.requiredDate("sent");
            return channel.isPresent() && sent.isPresent() ? Optional.of(new Notice(channel.get(), sent.get())) : Optional.empty();
        }

        /** An Art. 14(5)(b) claim: its kind, and the measures taken instead, which the Article requires. */
        private Optional<NoticeExemption> exemption(Fields e) {
            Optional<NoticeExemption.Kind> kind = e.requiredChoice("kind", NoticeExemption.Kind.class);
            Optional<String> measures = e.requiredString("measures").filter(m -> valid(e, "measures", m.isBlank()
                    ? "must say what was done instead (GDPR Art. 14(5)(b): appropriate measures, such as making the information public)" : null));
            return kind.isPresent() && measures.isPresent() ? Optional.of(new NoticeExemption(kind.get(), measures.get())) : Optional.empty();
        }

        private Optional<Promise> promise(Fields f) {
            Optional<String> id = f.requiredString("id");
            Optional<String> source = f.requiredString("source");
            Optional<PromiseKind> kind = f.requiredChoice("kind", PromiseKind.class);
            List<String> tiers = f.strings("tiers", s -> null);
            Restriction forbids = f.object("forbids", FORBIDS)
                    .map(r -> new Restriction(r.strings("uses", Binder::checkUse), r.strings("categories", Binder::checkCategory)))
                    .orElse(Restriction.NONE);
            List<String> excluded = regions(f, "excludes_regions");
            List<String> uses = f.strings("uses", Binder::checkUse);
            Optional<Limitation> limitsTo = f.object("limits_to", LIMITS_TO).flatMap(this::limitation);
            Optional<Period> period = period(f, "since", "until");
            Optional<Long> retentionDays = f.has("retention_days") ? f.count("retention_days")
                    .filter(n -> valid(f, "retention_days", n >= 1 && n <= MAX_RETENTION_DAYS ? null
                            : "must be from 1 to " + MAX_RETENTION_DAYS + " days, got " + n)) : Optional.empty();
            boolean promisesDeletion = f.flag("promises_deletion").orElse(false);
            if (kind.isPresent() && kind.get() == PromiseKind.CONTRACT) {
                // Read as statements to members (deception); a contract's retention term is not read, so refused, not ignored.
                for (String key : List.of("retention_days", "promises_deletion")) {
                    if (f.has(key)) {
                        f.report(f.spanOf(key), "'" + key + "' in " + Fields.where(f.path())
                                + " is read of a statement made to members: it needs kind public-statement or collection-prompt, not contract");
                    }
                }
            }
            if (kind.isPresent() && kind.get() == PromiseKind.CONTRACT && f.has("limits_to")) {
                f.report(f.spanOf("limits_to"), "'limits_to' in " + Fields.where(f.path())
                        + " is a statement made to members: it needs kind public-statement or collection-prompt, not contract");
            }
            if (kind.isPresent() && kind.get() == PromiseKind.COLLECTION_PROMPT) {
                // Region exclusions are read of public statements only; refused here rather than silently ignored.
                for (String key : List.of("excludes_regions", "uses")) {
                    if (f.has(key)) {
                        f.report(f.spanOf(key), "'" + key + "' in " + Fields.where(f.path())
                                + " is read only on a public-statement; a collection-prompt says what data is for with limits_to or forbids");
                    }
                }
            }
            if (id.isEmpty() || source.isEmpty() || kind.isEmpty() || period.isEmpty()
                    || (f.has("limits_to") && limitsTo.isEmpty()) || (f.has("retention_days") && retentionDays.isEmpty())) {
                return Optional.empty();
            }
            return Optional.of(new Promise(id.get(), source.get(), kind.get(), tiers, forbids, excluded, uses,
                    limitsTo.orElse(Limitation.NONE), period.get(), retentionDays.map(Long::intValue).orElse(null),
                    promisesDeletion, f.span()));
        }

        /**
         * An order binding the platform: its term runs from {@code effective} to {@code until}, or for {@code years}
         * (to the day before the anniversary), or is open when neither is written; both is an error.
         */
        private Optional<Order> order(Fields f) {
            Optional<String> id = f.requiredString("id");
            Optional<String> issuer = f.requiredString("issuer");
            Optional<OrderKind> kind = f.requiredChoice("kind", OrderKind.class);
            Optional<String> docket = f.requiredString("docket");
            Optional<LocalDate> effective = f.requiredDate("effective");
            Optional<LocalDate> until = f.date("until");
            Optional<Long> years = f.has("years") ? f.count("years")
                    .filter(n -> valid(f, "years", n >= 1 && n <= 100 ? null : "must be from 1 to 100 years, got " + n)) : Optional.empty();
            List<OrderProhibition> forbids = keyed(f, "forbids", OrderProhibition.class);
            List<OrderRequirement> requires = keyed(f, "requires", OrderRequirement.class);
            boolean bad = id.isEmpty() || issuer.isEmpty() || kind.isEmpty() || docket.isEmpty() || effective.isEmpty()
                    || (f.has("until") && until.isEmpty()) || (f.has("years") && years.isEmpty());
            if (f.has("until") && f.has("years")) {
                f.report(f.spanOf("years"), "'years' in " + Fields.where(f.path()) + " and 'until' both say when the order ends; write one");
                bad = true;
            }
            if (!bad && until.isPresent() && until.get().isBefore(effective.get())) {
                f.report(f.spanOf("until"), "'until' (" + until.get() + ") is before 'effective' (" + effective.get() + ") in " + Fields.where(f.path()));
                bad = true;
            }
            if (bad) {
                return Optional.empty();
            }
            Period term = years.map(n -> Order.termOf(effective.get(), n)).orElse(new Period(effective.get(), until.orElse(null)));
            return Optional.of(new Order(id.get(), issuer.get(), kind.get(), docket.get(), term, forbids, requires, f.span()));
        }

        /** A list of keyed values (an order's forbids, requires), each checked with a did-you-mean. */
        private static <E extends Enum<E> & dev.covenant.model.Keyed> List<E> keyed(Fields f, String key, Class<E> type) {
            List<String> keys = java.util.Arrays.stream(type.getEnumConstants()).map(dev.covenant.model.Keyed::key).toList();
            return f.strings(key, text -> dev.covenant.model.Keyed.parse(type, text).isPresent() ? null
                    : "unknown value '" + text + "'" + Suggestions.didYouMean(text, keys) + "; expected one of: " + dev.covenant.model.Keyed.choices(type))
                    .stream().map(text -> dev.covenant.model.Keyed.parse(type, text).orElseThrow()).toList();
        }

        /** {@code limits_to}: both lists required and non-empty, since a limit that names nothing says nothing. */
        private Optional<Limitation> limitation(Fields f) {
            List<String> categories = nonEmpty(f, "categories", Binder::checkCategory);
            List<String> uses = nonEmpty(f, "uses", Binder::checkUse);
            return categories.isEmpty() || uses.isEmpty() ? Optional.empty() : Optional.of(new Limitation(categories, uses));
        }

        private List<String> nonEmpty(Fields f, String key, Function<String, String> check) {
            if (!f.has(key)) {
                missing(f, key);
                return List.of();
            }
            int problems = diagnostics.size();
            List<String> values = f.strings(key, check);
            if (values.isEmpty() && diagnostics.size() == problems) { // an empty list, not one of bad items only
                f.report(f.spanOf(key), "'" + key + "' in " + Fields.where(f.path()) + " must list at least one");
            }
            return values;
        }

        private Optional<Document> document(Fields f, List<DocumentVersion> versions, List<Disclosure> disclosures,
                List<Capture> captures) {
            Optional<String> id = f.requiredString("id");
            Optional<String> kind = f.requiredString("kind");
            Optional<ChangeNotice> changeNotice = f.object("change_notice", CHANGE_NOTICE).flatMap(c -> {
                Optional<Long> days = c.has("days") ? c.count("days") : missing(c, "days");
                Optional<String> clause = c.requiredString("clause");
                return days.isPresent() && clause.isPresent()
                        ? Optional.of(new ChangeNotice(Math.toIntExact(Math.min(days.get(), Integer.MAX_VALUE)), clause.get()))
                        : Optional.empty();
            });
            String documentId = id.orElse("?");
            List<String> seen = new ArrayList<>();
            for (Fields v : f.objects("versions", VERSION)) {
                version(v, documentId, seen, versions, disclosures, captures);
            }
            return id.isPresent() && kind.isPresent()
                    ? Optional.of(new Document(id.get(), kind.get(), changeNotice.orElse(null), f.span()))
                    : Optional.empty();
        }

        private void version(Fields v, String documentId, List<String> seen, List<DocumentVersion> versions,
                List<Disclosure> disclosures, List<Capture> captures) {
            Optional<String> version = v.requiredString("version");
            version.ifPresent(name -> {
                if (seen.contains(name)) {
                    v.report(v.spanOf("version"), "duplicate version '" + name + "' of document '" + documentId + "'");
                }
                seen.add(name);
            });
            Optional<LocalDate> published = v.requiredDate("published");
            Optional<LocalDate> effective = v.date("effective");
            Optional<Notice> notice = v.object("notice", NOTICE).flatMap(n -> {
                Optional<String> channel = n.requiredString("channel");
                Optional<LocalDate> sent = n.requiredDate("sent");
                return channel.isPresent() && sent.isPresent() ? Optional.of(new Notice(channel.get(), sent.get())) : Optional.empty();
            });
            Optional<String> hash = v.string("text_sha256").filter(h -> validHash(v, "text_sha256", h));
            List<Disclosure> mine = new ArrayList<>();
            for (Fields d : v.objects("discloses", DISCLOSES)) {
                Optional<String> use = d.requiredString("use").filter(u -> valid(d, "use", checkUse(u)));
                List<String> categories = d.strings("categories", Binder::checkCategory);
                Optional<LegalBasis.Kind> basis = d.string("legal_basis").flatMap(text -> disclosedBasis(d, text));
                List<Relationship> told = disclosedRecipients(d);
                if (use.isPresent() && version.isPresent() && published.isPresent()
                        && (basis.isPresent() || !d.has("legal_basis"))) {
                    mine.add(new Disclosure(documentId, version.get(), use.get(), categories, basis.orElse(null), told,
                            published.get(), d.span()));
                }
            }
            List<Capture> myCaptures = new ArrayList<>();
            for (Fields c : v.objects("captures", CAPTURE)) {
                Optional<LocalDate> captured = c.requiredDate("captured");
                Optional<String> captureHash = c.requiredString("text_sha256").filter(h -> validHash(c, "text_sha256", h));
                if (captured.isPresent() && captureHash.isPresent() && version.isPresent()) {
                    myCaptures.add(new Capture(documentId, version.get(), captured.get(), captureHash.get(), c.span()));
                }
            }
            Optional<BiometricSchedule> schedule = v.object("biometric_retention", BIOMETRIC_RETENTION)
                    .flatMap(b -> biometricSchedule(b, documentId, version, published));
            if (version.isEmpty() || published.isEmpty()) {
                return;
            }
            schedule.ifPresent(biometricSchedules::add);
            versions.add(new DocumentVersion(documentId, version.get(), published.get(),
                    effective.orElse(published.get()), notice.orElse(null), hash.orElse(null), v.span()));
            disclosures.addAll(mine);
            captures.addAll(myCaptures);
        }

        /**
         * {@code versions[].biometric_retention}: the version publishes a retention schedule for biometric identifiers
         * (740 ILCS 14/15(a)) — whether they are destroyed once their purpose is satisfied, and within how many years of
         * the person's last interaction. Both are required: a schedule that does not say is not read as one that does.
         */
        private Optional<BiometricSchedule> biometricSchedule(Fields b, String documentId, Optional<String> version,
                Optional<LocalDate> published) {
            Optional<Boolean> onPurpose = b.has("on_purpose_satisfied") ? b.flag("on_purpose_satisfied")
                    : missing(b, "on_purpose_satisfied");
            Optional<Long> years = b.has("years_after_last_interaction") ? b.count("years_after_last_interaction")
                    : missing(b, "years_after_last_interaction");
            if (onPurpose.isEmpty() || years.isEmpty() || version.isEmpty() || published.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new BiometricSchedule(documentId, version.get(), published.get(), onPurpose.get(),
                    Math.toIntExact(Math.min(years.get(), Integer.MAX_VALUE)), b.span()));
        }

        /**
         * {@code discloses[].legal_basis}: the basis a notice says the use rests on (GDPR Art. 13(1)(c)) — a kind of
         * legal basis, not a setting, since a notice tells people a ground, not a toggle.
         */
        private Optional<LegalBasis.Kind> disclosedBasis(Fields d, String text) {
            List<String> kinds = java.util.Arrays.stream(LegalBasis.Kind.values()).filter(k -> k != LegalBasis.Kind.SETTING)
                    .map(LegalBasis.Kind::key).toList();
            Optional<LegalBasis.Kind> kind = Keyed.parse(LegalBasis.Kind.class, text).filter(k -> k != LegalBasis.Kind.SETTING);
            if (kind.isEmpty()) {
                d.report(d.spanOf("legal_basis"), "'legal_basis' in " + Fields.where(d.path()) + " has unknown value '" + text + "'"
                        + Suggestions.didYouMean(text, kinds) + "; expected one of: " + String.join(" | ", kinds));
            }
            return kind;
        }

        /**
         * {@code discloses[].recipients}: the categories of recipients a notice names (GDPR Art. 13(1)(e) allows
         * categories), as the kinds practices' recipients are written in; {@code self} receives nothing.
         */
        private List<Relationship> disclosedRecipients(Fields d) {
            List<String> kinds = java.util.Arrays.stream(Relationship.values()).filter(Relationship::outsidePlatform)
                    .map(Relationship::key).toList();
            return d.strings("recipients", r -> kinds.contains(r) ? null
                    : r.equals(Relationship.SELF.key()) ? "'self' is the platform itself, not a recipient; expected one of: " + String.join(" | ", kinds)
                    : "unknown kind of recipient '" + r + "'" + Suggestions.didYouMean(r, kinds) + "; expected one of: " + String.join(" | ", kinds))
                    .stream().map(r -> Keyed.parse(Relationship.class, r).orElseThrow()).toList();
        }

        /**
         * {@code recipients[].sold}: the platform is paid or otherwise profits for giving this recipient the data (740
         * ILCS 14/15(c)); the platform itself cannot be sold to.
         */
        private boolean sold(Fields r, Optional<Relationship> relationship) {
            if (!r.has("sold")) {
                return false;
            }
            boolean sold = r.flag("sold").orElse(false);
            if (sold && relationship.isPresent() && relationship.get() == Relationship.SELF) {
                r.report(r.spanOf("sold"), "'sold' in " + Fields.where(r.path()) + " names a sale to someone else; this recipient is "
                        + "the platform itself (self)");
            }
            return sold;
        }

        private Optional<Setting> setting(Fields f) {
            Optional<String> id = f.requiredString("id");
            Optional<LocalDate> introduced = f.requiredDate("introduced");
            Optional<Boolean> defaultOn = f.has("default") ? f.flag("default") : missing(f, "default");
            List<String> enables = f.strings("enables", Binder::checkUse);
            List<String> regions = regions(f, "regions");
            Optional<OptOut> optOut = f.object("opt_out", OPT_OUT).flatMap(o -> {
                Optional<Method> method = o.requiredChoice("method", Method.class);
                boolean retroactive = o.has("retroactive") ? o.flag("retroactive").orElse(false) : false;
                return method.map(m -> new OptOut(m, retroactive));
            });
            Optional<List<Setting.DefaultChange>> changes = defaultChanges(f, introduced.orElse(null), defaultOn.orElse(null));
            Optional<LocalDate> withdrawn = f.date("withdrawn");
            if (withdrawn.isPresent() && changes.isPresent()) {
                LocalDate last = changes.get().isEmpty() ? introduced.orElse(null) : changes.get().get(changes.get().size() - 1).on();
                if (last != null && !withdrawn.get().isAfter(last)) {
                    f.report(f.spanOf("withdrawn"), "'withdrawn' in " + Fields.where(f.path()) + ": " + withdrawn.get()
                            + " must be after " + (changes.get().isEmpty() ? "'introduced' (" : "the last default change (") + last + ")");
                    withdrawn = Optional.empty();
                }
            }
            if (id.isEmpty() || introduced.isEmpty() || defaultOn.isEmpty() || changes.isEmpty()
                    || (f.has("withdrawn") && withdrawn.isEmpty())) {
                return Optional.empty();
            }
            return Optional.of(new Setting(id.get(), introduced.get(), defaultOn.get(), changes.get(), withdrawn.orElse(null),
                    enables, regions, optOut.orElse(null), f.span()));
        }

        /**
         * A setting's default changes: each on a date after the introduction and after the change before it, each
         * turning the default to the other value (a "change" to the value already in force says nothing and is
         * probably a mistake). Empty when the key is absent; no value when any change is wrong.
         */
        private Optional<List<Setting.DefaultChange>> defaultChanges(Fields f, LocalDate introduced, Boolean initial) {
            List<Setting.DefaultChange> changes = new ArrayList<>();
            boolean ok = true;
            LocalDate previous = introduced;
            Boolean value = initial;
            for (Fields c : f.objects("changes", DEFAULT_CHANGE)) {
                Optional<LocalDate> on = c.requiredDate("on");
                Optional<Boolean> to = c.has("default") ? c.flag("default") : missing(c, "default");
                if (on.isEmpty() || to.isEmpty()) {
                    ok = false;
                    continue;
                }
                if (previous != null && !on.get().isAfter(previous)) {
                    c.report(c.spanOf("on"), "'on' in " + Fields.where(c.path()) + ": " + on.get() + " must be after "
                            + (changes.isEmpty() ? "'introduced' (" : "the change before it (") + previous + "); changes are listed in date order");
                    ok = false;
                } else if (value != null && value.equals(to.get())) {
                    c.report(c.spanOf("default"), "'default' in " + Fields.where(c.path()) + ": the default is already "
                            + (value ? "on" : "off") + " on " + on.get() + "; a change must turn it " + (value ? "off" : "on"));
                    ok = false;
                }
                previous = on.get();
                value = to.get();
                changes.add(new Setting.DefaultChange(on.get(), to.get(), c.span()));
            }
            return ok ? Optional.of(changes) : Optional.empty();
        }

        private Optional<Practice> practice(Fields f, Set<String> settingIds, Set<String> subjectIds) {
            Optional<String> id = f.requiredString("id");
            Optional<String> use = f.requiredString("use").filter(u -> valid(f, "use", checkUse(u)));
            List<String> categories = f.strings("categories", Binder::checkCategory);
            List<String> tiers = f.strings("tiers", s -> null);
            List<String> regions = regions(f, "regions");
            String practiceId = id.orElse("?");
            List<Recipient> recipients = new ArrayList<>();
            for (Fields r : f.objects("recipients", RECIPIENT)) {
                Optional<String> name = r.requiredString("name");
                Optional<Relationship> relationship = r.requiredChoice("relationship", Relationship.class);
                Optional<ProcessorPurpose> purpose = r.choice("purpose", ProcessorPurpose.class);
                boolean sold = sold(r, relationship);
                // What a processor does decides whether it is divulged to (SCA § 2702(b)(4), (b)(5)): stated, never guessed.
                if (relationship.isPresent() && relationship.get() == Relationship.PROCESSOR && !r.has("purpose")) {
                    r.report(r.span(), "missing required key 'purpose' in " + Fields.where(r.path())
                            + ": a processor needs what it does with the data (" + Keyed.choices(ProcessorPurpose.class) + ")");
                    relationship = Optional.empty();
                } else if (relationship.isPresent() && relationship.get() != Relationship.PROCESSOR && r.has("purpose")) {
                    r.report(r.spanOf("purpose"), "'purpose' in " + Fields.where(r.path()) + " is for a processor only; this recipient is "
                            + relationship.get().key());
                    relationship = Optional.empty();
                }
                if (name.isPresent() && relationship.isPresent() && (purpose.isPresent() || !r.has("purpose"))) {
                    if (recipients.stream().anyMatch(x -> x.name().equals(name.get()))) {
                        r.report(r.spanOf("name"), "duplicate recipient '" + name.get() + "' in " + Fields.where(f.path()));
                    } else {
                        recipients.add(new Recipient(practiceId, name.get(), relationship.get(), purpose.orElse(null), sold, r.span()));
                    }
                }
            }
            Optional<LegalBasis> legalBasis = f.string("legal_basis").flatMap(text -> legalBasis(f, text, settingIds));
            Optional<Method> objection = f.object("objection", METHOD_ONLY).flatMap(o -> o.requiredChoice("method", Method.class));
            Optional<Method> withdrawal = f.object("withdrawal", METHOD_ONLY).flatMap(o -> o.requiredChoice("method", Method.class));
            Optional<LocalDate> collectedFrom = f.date("data_collected_from");
            boolean touchesMembers = f.flag("members").orElse(true);
            List<String> subjects = f.strings("subjects", s -> subjectIds.contains(s) ? null
                    : "refers to subject '" + s + "', which is not defined under 'subjects'" + Suggestions.didYouMean(s, subjectIds));
            Optional<Period> period = period(f, "started", "ended");
            ConsentGiven consent = consent(f, legalBasis.orElse(null));
            Balancing balancing = balancing(f, legalBasis.orElse(null));
            SpecialCategoryCondition condition = specialCategoryCondition(f, categories);
            Boolean infersCharacteristics = infersCharacteristics(f, categories);
            Optional<Interception> interception = f.object("interception", INTERCEPTION).flatMap(this::interception);
            if (id.isEmpty() || use.isEmpty() || period.isEmpty() || (f.has("interception") && interception.isEmpty())) {
                return Optional.empty();
            }
            return Optional.of(new Practice(id.get(), use.get(), categories, tiers, regions, touchesMembers, subjects, recipients,
                    legalBasis.orElse(null), consent, balancing, objection.orElse(null), withdrawal.orElse(null),
                    collectedFrom.orElse(null), period.get(), condition, infersCharacteristics, interception.orElse(null), f.span()));
        }

        /**
         * The GDPR Art. 9(2) condition other than explicit consent a practice relies on ({@code special_category_condition}),
         * or null. It is a condition for special-category data only, so a practice whose categories hold none is told so.
         */
        private SpecialCategoryCondition specialCategoryCondition(Fields f, List<String> categories) {
            if (!f.has("special_category_condition")) {
                return null;
            }
            Optional<SpecialCategoryCondition> condition = f.choice("special_category_condition", SpecialCategoryCondition.class);
            if (condition.isPresent() && !Sensitive.GDPR_SPECIAL_CATEGORY.anyOf(categories)) {
                f.report(f.spanOf("special_category_condition"), "'special_category_condition' in " + Fields.where(f.path())
                        + " is a GDPR Art. 9(2) condition for special categories of data, but none of the practice's categories is one"
                        + " (docs/rules.md lists the keys under each definition of sensitive data)");
                return null;
            }
            return condition.orElse(null);
        }

        /**
         * Whether the practice says its sensitive personal information is processed for the purpose of inferring
         * characteristics ({@code infers_characteristics}, Cal. Civ. Code § 1798.121(d)), or null when it does not say;
         * a practice whose categories hold no such information is told the key has nothing to qualify.
         */
        private Boolean infersCharacteristics(Fields f, List<String> categories) {
            if (!f.has("infers_characteristics")) {
                return null;
            }
            Optional<Boolean> infers = f.flag("infers_characteristics");
            if (infers.isPresent() && !Sensitive.CCPA_SENSITIVE.anyOf(categories)) {
                f.report(f.spanOf("infers_characteristics"), "'infers_characteristics' in " + Fields.where(f.path())
                        + " qualifies sensitive personal information (Cal. Civ. Code § 1798.140(ae)), but none of the practice's"
                        + " categories is any");
                return null;
            }
            return infers.orElse(null);
        }


        /**
         * {@code interception}: how a practice captures communications as they are made, and which parties consented.
         * Whether a recording is of confidential communications decides Cal. Penal Code § 632(a): stated, never guessed.
         */
        private Optional<Interception> interception(Fields i) {
            Optional<Interception.Mode> mode = i.requiredChoice("mode", Interception.Mode.class);
            Optional<Interception.Consented> consented = i.requiredChoice("consented", Interception.Consented.class);
            Optional<Boolean> confidential = i.has("confidential") ? i.flag("confidential") : Optional.of(false);
            Optional<Boolean> criminal = i.has("purpose_criminal_or_tortious") ? i.flag("purpose_criminal_or_tortious") : Optional.of(false);
            if (mode.isPresent() && mode.get() == Interception.Mode.RECORDED && !i.has("confidential")) {
                i.report(i.span(), "missing required key 'confidential' in " + Fields.where(i.path())
                        + ": a recording needs whether the communications are confidential (Cal. Penal Code § 632(a), (c)): true or false");
                return Optional.empty();
            }
            // Which side consented decides who can have been injured (a consenting party is not, Cal. Penal Code
            // § 637.2(a)): stated with one party's consent, and meaningless otherwise.
            Optional<Interception.Party> consentedBy = i.has("consented_by")
                    ? i.requiredChoice("consented_by", Interception.Party.class) : Optional.empty();
            boolean onePartys = consented.isPresent() && consented.get() == Interception.Consented.ONE_PARTY;
            if (onePartys && !i.has("consented_by")) {
                i.report(i.span(), "missing required key 'consented_by' in " + Fields.where(i.path())
                        + ": with one party's consent, say which side consented, members or subjects; only the other"
                        + " side is counted (a party who consented is not injured, Cal. Penal Code § 637.2(a))");
                return Optional.empty();
            }
            if (consented.isPresent() && !onePartys && i.has("consented_by")) {
                i.report(i.span(), "'consented_by' in " + Fields.where(i.path())
                        + " is only for consented one-party: with " + consented.get().key() + " no one side consented");
                return Optional.empty();
            }
            if (mode.isEmpty() || consented.isEmpty() || confidential.isEmpty() || criminal.isEmpty()
                    || (i.has("consented_by") && consentedBy.isEmpty())) {
                return Optional.empty();
            }
            return Optional.of(new Interception(mode.get(), consented.get(), confidential.get(), criminal.get(),
                    consentedBy.orElse(null)));
        }

        /**
         * How a claimed consent was obtained ({@code consent}), or null when not stated (the basis is then taken as
         * given). It describes a consent or parental-consent basis only: on any other basis it makes no sense, and a
         * setting's consent is read from its default.
         */
        private ConsentGiven consent(Fields f, LegalBasis basis) {
            if (!f.has("consent")) {
                return null;
            }
            if (basis == null || !basis.isExpressConsent()) {
                // A basis that failed to parse has been reported already; say nothing more then.
                if (basis != null || !f.has("legal_basis")) {
                    f.report(f.spanOf("consent"), "'consent' in " + Fields.where(f.path())
                            + " says how a claimed consent was obtained, but the practice's legal_basis is "
                            + (basis == null ? "unstated" : "'" + basis + "'")
                            + "; state legal_basis: consent or parental-consent"
                            + (basis != null && basis.isSetting() ? " (a setting's consent is read from its default)" : ""));
                }
                return null;
            }
            Optional<Fields> c = f.object("consent", CONSENT);
            if (c.isEmpty()) {
                return null;
            }
            Fields g = c.get();
            Optional<ConsentGiven.Obtained> obtained = g.requiredChoice("obtained", ConsentGiven.Obtained.class);
            Optional<LocalDate> on = g.date("on");
            Optional<String> wording = g.string("wording");
            boolean informed = g.flag("informed").orElse(true);
            boolean specific = g.flag("specific").orElse(true);
            boolean condition = g.flag("condition_of_service").orElse(false);
            boolean explicit = g.flag("explicit").orElse(false);
            return obtained.map(o -> new ConsentGiven(o, on.orElse(null), wording.orElse(null), informed, specific, condition, explicit))
                    .orElse(null);
        }

        /** A documented legitimate-interest assessment ({@code balancing}): only on a legitimate-interest basis. */
        private Balancing balancing(Fields f, LegalBasis basis) {
            if (!f.has("balancing")) {
                return null;
            }
            if (basis == null || basis.basisKind() != LegalBasis.Kind.LEGITIMATE_INTEREST) {
                if (basis != null || !f.has("legal_basis")) {
                    f.report(f.spanOf("balancing"), "'balancing' in " + Fields.where(f.path())
                            + " documents a legitimate-interest assessment, but the practice's legal_basis is "
                            + (basis == null ? "unstated" : "'" + basis + "'") + "; state legal_basis: legitimate-interest");
                }
                return null;
            }
            Optional<Fields> b = f.object("balancing", BALANCING);
            if (b.isEmpty()) {
                return null;
            }
            Optional<LocalDate> assessed = b.get().requiredDate("assessed");
            Optional<String> note = b.get().requiredString("note");
            return assessed.isPresent() && note.isPresent() ? new Balancing(assessed.get(), note.get()) : null;
        }

        private Optional<LegalBasis> legalBasis(Fields f, String text, Set<String> settingIds) {
            if (text.startsWith("setting:")) {
                String settingId = text.substring("setting:".length());
                if (!settingIds.contains(settingId)) {
                    f.report(f.spanOf("legal_basis"), "'legal_basis' in " + Fields.where(f.path())
                            + " refers to setting '" + settingId + "', which is not defined under 'settings'"
                            + Suggestions.didYouMean(settingId, settingIds));
                    return Optional.empty();
                }
                return Optional.of(new LegalBasis(LegalBasis.Kind.SETTING, settingId));
            }
            Optional<LegalBasis.Kind> kind = Optional.empty();
            if (!text.equals("setting")) {
                kind = dev.covenant.model.Keyed.parse(LegalBasis.Kind.class, text);
            }
            if (kind.isEmpty()) {
                f.report(f.spanOf("legal_basis"), "'legal_basis' in " + Fields.where(f.path()) + " has unknown value '"
                        + text + "'; expected one of: consent | parental-consent | legitimate-interest | contract | setting:<id>");
                return Optional.empty();
            }
            return Optional.of(new LegalBasis(kind.get(), null));
        }

        /**
         * Each practice's {@code retention}, a fact of its own keyed by the practice (read after the practices, so a
         * practice that failed to load has none): how long its data are kept, what happens on account deletion, and
         * whether they are kept under a legal obligation.
         */
        private List<Retention> retentions(List<Fields> practiceFields, List<Practice> practices) {
            List<Retention> retentions = new ArrayList<>();
            for (Fields p : practiceFields) {
                Optional<Fields> r = p.has("retention") ? p.object("retention", RETENTION) : Optional.empty();
                Optional<String> id = p.has("id") ? p.string("id") : Optional.empty();
                if (r.isEmpty() || id.isEmpty() || practices.stream().noneMatch(x -> x.id().equals(id.get()))
                        || retentions.stream().anyMatch(x -> x.practice().equals(id.get()))) {
                    continue;
                }
                retention(r.get(), id.get()).ifPresent(retentions::add);
            }
            return retentions;
        }

        private Optional<Retention> retention(Fields f, String practice) {
            Function<String, Optional<Long>> days = key -> f.has(key) ? f.count(key).filter(n -> valid(f, key,
                    n >= 1 && n <= MAX_RETENTION_DAYS ? null : "must be from 1 to " + MAX_RETENTION_DAYS + " days, got " + n))
                    : Optional.empty();
            Optional<Long> limit = days.apply("limit_days");
            Optional<Long> kept = days.apply("kept_days");
            Optional<AccountDeletion> onDeletion = f.choice("on_account_deletion", AccountDeletion.class);
            Optional<Boolean> legalHold = f.flag("legal_hold");
            if (f.has("limit_days") == limit.isEmpty() || f.has("kept_days") == kept.isEmpty()
                    || (f.has("on_account_deletion") && onDeletion.isEmpty()) || (f.has("legal_hold") && legalHold.isEmpty())) {
                return Optional.empty();
            }
            if (!f.has("limit_days") && !f.has("kept_days") && !f.has("on_account_deletion")) {
                f.report(f.span(), Fields.where(f.path()) + " says nothing: state limit_days, kept_days or on_account_deletion");
                return Optional.empty();
            }
            return Optional.of(new Retention(practice, limit.map(Long::intValue).orElse(null), kept.map(Long::intValue).orElse(null),
                    onDeletion.orElse(null), legalHold.orElse(false), f.span()));
        }

        /** Requests to delete received: who asked (where, how many), when, for which practices' data, and when deleted. */
        private Optional<DeletionRequest> deletionRequest(Fields f, Set<String> practiceIds) {
            Optional<String> id = f.requiredString("id");
            Optional<String> region = f.requiredString("region").filter(r -> validRegion(f, "region", r));
            Optional<Long> count = (f.has("count") ? f.count("count") : Binder.<Long>missing(f, "count"))
                    .filter(n -> valid(f, "count", n >= 1 && n <= Cohort.MAX_MEMBERS ? null : String.format(java.util.Locale.ROOT,
                            "must be from 1 to %,d people, got %,d", Cohort.MAX_MEMBERS, n)));
            Optional<LocalDate> received = f.requiredDate("received");
            int problems = diagnostics.size();
            List<String> practices = nonEmpty(f, "practices", p -> practiceIds.contains(p) ? null
                    : "refers to practice '" + p + "', which is not defined under 'practices'" + Suggestions.didYouMean(p, practiceIds));
            boolean badPractices = diagnostics.size() > problems;
            Optional<LocalDate> completed = f.date("completed");
            Optional<Boolean> byParent = f.flag("by_parent");
            if (id.isEmpty() || region.isEmpty() || count.isEmpty() || received.isEmpty() || badPractices || practices.isEmpty()
                    || (f.has("completed") && completed.isEmpty()) || (f.has("by_parent") && byParent.isEmpty())) {
                return Optional.empty();
            }
            if (completed.isPresent() && completed.get().isBefore(received.get())) {
                f.report(f.spanOf("completed"), "'completed' (" + completed.get() + ") is before 'received' (" + received.get()
                        + ") in " + Fields.where(f.path()));
                return Optional.empty();
            }
            return Optional.of(new DeletionRequest(id.get(), region.get(), count.get(), received.get(), practices,
                    completed.orElse(null), byParent.orElse(false), f.span()));
        }

        private Optional<Model> model(Fields f, Set<String> practiceIds) {
            Optional<String> id = f.requiredString("id");
            boolean generalPurpose = f.flag("general_purpose").orElse(false);
            List<String> trainedBy = f.strings("trained_by", p -> practiceIds.contains(p) ? null
                    : "refers to practice '" + p + "', which is not defined under 'practices'"
                            + Suggestions.didYouMean(p, practiceIds));
            Optional<MarketPlacement> placement = f.object("placed_on_market", PLACEMENT).flatMap(p -> {
                Optional<String> region = p.requiredString("region").filter(r -> validRegion(p, "region", r));
                Optional<LocalDate> date = p.requiredDate("date");
                return region.isPresent() && date.isPresent()
                        ? Optional.of(new MarketPlacement(region.get(), date.get())) : Optional.empty();
            });
            boolean summary = f.flag("training_summary_published").orElse(false);
            LocalDate deleted = f.date("deleted").orElse(null);
            return id.map(i -> new Model(i, generalPurpose, trainedBy, placement.orElse(null), summary, deleted, f.span()));
        }

        private Expectation expectation(Fields f) {
            Function<String, String> ruleId = s -> RULE_ID.matcher(s).matches() ? null
                    : "'" + s + "' is not a rule id (upper-case letters, digits and dashes)";
            Map<String, SourceSpan> written = new HashMap<>();
            Map<String, SourceSpan> findingSpans = f.locatedStrings("findings", ruleId);
            Map<String, SourceSpan> absentSpans = f.locatedStrings("absent", ruleId);
            absentSpans.forEach(written::putIfAbsent);
            findingSpans.forEach(written::put);
            List<String> findings = new ArrayList<>(findingSpans.keySet());
            List<String> absent = new ArrayList<>(absentSpans.keySet());
            for (String both : findings) {
                if (absent.contains(both)) {
                    f.report(f.span(), "rule " + both + " is listed both in expect.findings and expect.absent");
                }
            }
            return new Expectation(findings, absent, f.span(), written);
        }

        /** A period from two date keys of one mapping; the end may be absent or null (still open). */
        private Optional<Period> period(Fields f, String fromKey, String toKey) {
            Optional<LocalDate> from = f.requiredDate(fromKey);
            Optional<LocalDate> to = f.date(toKey);
            if (from.isEmpty() || (f.has(toKey) && to.isEmpty())) {
                return Optional.empty();
            }
            if (to.isPresent() && to.get().isBefore(from.get())) {
                f.report(f.spanOf(toKey), "'" + toKey + "' (" + to.get() + ") is before '" + fromKey + "' ("
                        + from.get() + ") in " + Fields.where(f.path()));
                return Optional.empty();
            }
            return Optional.of(new Period(from.get(), to.orElse(null)));
        }

        /** Binds each element and reports a repeated id at the later element. */
        private static Set<String> writtenIds(List<Fields> elements) {
            Set<String> ids = new java.util.TreeSet<>();
            elements.forEach(e -> {
                String id = e.peek("id");
                if (id != null) {
                    ids.add(id);
                }
            });
            return ids;
        }

        private <T> List<T> unique(List<Fields> elements, String idKey, String what, Function<Fields, Optional<T>> bind) {
            Map<String, Integer> firstLine = new HashMap<>();
            List<T> values = new ArrayList<>();
            for (Fields element : elements) {
                // Duplicates are checked on the written id, so they are reported even when an element is invalid.
                String id = element.peek(idKey);
                Integer line = id == null ? null : firstLine.putIfAbsent(id, element.spanOf(idKey).line());
                if (line != null) {
                    element.report(element.spanOf(idKey), "duplicate " + what + " id '" + id + "' (first defined at line " + line + ")");
                }
                Optional<T> value = bind.apply(element);
                if (value.isPresent() && line == null) {
                    values.add(value.get());
                }
            }
            return values;
        }

        private boolean validRegion(Fields f, String key, String region) {
            boolean valid = valid(f, key, checkRegion(region));
            if (valid) {
                regions.add(new RegionHints.Written(region, f.spanOf(key), key, f.path()));
            }
            return valid;
        }

        private List<String> regions(Fields f, String key) {
            var located = f.locatedStrings(key, Binder::checkRegion);
            located.forEach((code, at) -> regions.add(new RegionHints.Written(code, at, key, f.path())));
            return new ArrayList<>(located.keySet());
        }

        private boolean validHash(Fields f, String key, String hash) {
            return valid(f, key, SHA256.matcher(hash).matches() ? null : "must be 64 lower-case hex characters (SHA-256)");
        }

        private static boolean valid(Fields f, String key, String problem) {
            if (problem != null) {
                f.report(f.spanOf(key), "'" + key + "' in " + Fields.where(f.path()) + ": " + problem);
            }
            return problem == null;
        }

        private static <T> Optional<T> missing(Fields f, String key) {
            f.report(f.span(), "missing required key '" + key + "' in " + Fields.where(f.path()));
            return Optional.empty();
        }

        static String checkRegion(String code) {
            return Region.isValid(code) ? null
                    : "unknown region '" + code + "'" + RegionHints.unknown(code) + "; expected an ISO 3166-1 country (DE), an ISO 3166-2 subdivision (US-CA), EU, EEA or UK";
        }

        static String checkCategory(String key) {
            return Taxonomy.isCategory(key) ? null
                    : "unknown data category '" + key + "'" + TaxonomyHints.category(key) + "; use a Fides data category key such as user.content.private";
        }

        static String checkUse(String key) {
            return Taxonomy.isUse(key) ? null
                    : "unknown data use '" + key + "'" + TaxonomyHints.use(key) + "; use a Fides data use key such as train_ai_system";
        }
    }
}
