package org.oversight.structure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.oversight.shared.InputException;
import org.oversight.shared.Text;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The council's structure, the one place a part of the council is named. Every module that takes a directorate or a
 * division from a user or a file reads it here ({@link #names()}), so that "ASCH", "Adult Social Care & Health" and
 * "Adult Social Care and Health" are one unit stored under one name, and a name not known is refused with the nearest.
 */
@Service
public class Units {

    /** The installation's own council; more councils in one installation come with their own keys. */
    static final String AUTHORITY = "default";
    private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final UnitRepository store;
    private final ApplicationEventPublisher events;
    private volatile Names names;

    Units(UnitRepository store, ApplicationEventPublisher events, StructureDemoData demo,
          @Value("${oversight.council-name:Kent County Council}") String council) {
        this.store = store;
        this.events = events;
        store.nameCouncil(AUTHORITY, council);
        demo.load();
    }

    public String councilName() {
        return store.councilName(AUTHORITY);
    }

    @Transactional(readOnly = true)
    public List<Unit> all() {
        return store.all(AUTHORITY);
    }

    /** The units of a kind open today: what a form offers. */
    public List<Unit> of(Unit.Kind kind) {
        return all().stream().filter(u -> u.kind() == kind && u.openOn(LocalDate.now())).sorted(Comparator.comparing(Unit::name)).toList();
    }

    public List<Unit> directorates() {
        return of(Unit.Kind.DIRECTORATE);
    }

    public Optional<Unit> find(long id) {
        return store.find(AUTHORITY, id);
    }

    /** The unit named so by its name, short name, another spelling or a former name, any case. */
    public Optional<Unit> named(String written) {
        return names().unit(written);
    }

    /**
     * The unit's name for a name it answers to today (its short name, another spelling, another case); anything else (a
     * former name, under which earlier months stay published, or no unit's) as written.
     */
    public String current(String written) {
        if (Text.orNull(written) == null) {
            return written;
        }
        Names names = names();
        String folded = fold(written);
        List<Unit> found = names.all.stream().filter(n -> !"FORMER".equals(n.kind()) && fold(n.name()).equals(folded))
                .map(n -> names.units.get(n.unitId())).distinct().toList();
        return found.size() == 1 ? found.get(0).name() : written.strip();
    }

    /** The directorate a page's address names by its short name (ASCH) or, lacking one, its name. */
    public Optional<Unit> directorate(String shortOrName) {
        return named(shortOrName).filter(u -> u.kind() == Unit.Kind.DIRECTORATE);
    }

    public List<Unit> childrenOf(Unit parent) {
        return all().stream().filter(u -> Objects.equals(u.parentId(), parent.id())).sorted(Comparator.comparing(Unit::name)).toList();
    }

    /** The units under it open today: what a form offers. */
    public List<Unit> openChildrenOf(Unit parent) {
        return childrenOf(parent).stream().filter(u -> u.openOn(LocalDate.now())).toList();
    }

    /** Every name the unit has had or is written under: what a module's older rows may still hold. */
    public Set<String> everyName(Unit u) {
        return names().all.stream().filter(n -> n.unitId() == u.id()).map(UnitRepository.Name::name).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public List<String> aliases(Unit u) {
        return names().all.stream().filter(n -> n.unitId() == u.id() && n.kind().equals("ALIAS")).map(UnitRepository.Name::name).toList();
    }

    /** The unit's name on {@code day}: before a rename, the name it then had. */
    public String nameOn(Unit u, LocalDate day) {
        return names().all.stream().filter(n -> n.unitId() == u.id() && "FORMER".equals(n.kind()) && !day.isAfter(n.until()))
                .min(Comparator.comparing(UnitRepository.Name::until)).map(UnitRepository.Name::name).orElse(u.name());
    }

    public List<UnitChange> history(Unit u) {
        return store.history(u.id());
    }

    /** Every name of the structure as it stands, read once: for an import that names a unit on each of its rows. */
    public Names names() {
        Names kept = names;
        if (kept == null) {
            kept = new Names(store.all(AUTHORITY), store.names(AUTHORITY));
            names = kept;
        }
        return kept;
    }

    /**
     * The names are read on every dashboard and import (ASCH is Adult Social Care and Health), and change only here: they are
     * kept until a change of this installation's is committed (and read afresh meanwhile, so no reader keeps an uncommitted one).
     */
    private void changed() {
        names = null;
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            names = null;
                        }
                    });
        }
    }

    /** The structure's names at one moment, answering for every row of a file alike. */
    public static final class Names {

        private final Map<Long, Unit> units;
        private final List<UnitRepository.Name> all;

        Names(List<Unit> units, List<UnitRepository.Name> all) {
            this.units = units.stream().collect(Collectors.toMap(Unit::id, Function.identity()));
            this.all = all;
        }

        public Optional<Unit> unit(String written) {
            String w = Text.orNull(written);
            if (w == null) {
                return Optional.empty();
            }
            String exact = w.strip().toLowerCase(Locale.ROOT);
            Optional<Unit> found = all.stream().filter(n -> n.name().toLowerCase(Locale.ROOT).equals(exact)).map(n -> units.get(n.unitId())).findFirst();
            if (found.isPresent()) {
                return found;
            }
            // The same words with another case, '&' for 'and' or other punctuation are the same name, when only one unit reads so.
            String folded = fold(w);
            List<Unit> same = all.stream().filter(n -> fold(n.name()).equals(folded)).map(n -> units.get(n.unitId())).distinct().toList();
            return same.size() == 1 ? Optional.of(same.get(0)) : Optional.empty();
        }

        /**
         * The unit's one name for what was written, which must be a {@code kind} of the council; otherwise refused, naming the
         * row and column (or form field) and offering the nearest names the structure knows.
         */
        public String resolve(String written, Unit.Kind kind, Integer row, String field) {
            Unit u = unit(written).orElseThrow(() -> new InputException(row, field, "“" + written.strip() + "” is not a "
                    + kind.label().toLowerCase(Locale.ROOT) + " of the council's structure" + offer(nearest(written, kind))));
            if (u.kind() != kind) {
                throw new InputException(row, field, "“" + written.strip() + "” is a " + u.kind().label().toLowerCase(Locale.ROOT)
                        + " of the council, not a " + kind.label().toLowerCase(Locale.ROOT));
            }
            if (!u.openOn(LocalDate.now())) {
                throw new InputException(row, field, "“" + u.name() + "” closed on " + DATE.format(u.closedOn()) + ": name the unit that took over its work");
            }
            return u.name();
        }

        /**
         * The unit's one name when what was written is one; what was written when it is plainly no part of the council (a
         * budget heading such as "Financing Items"); refused when it is a unit's name mistyped (a letter or two away).
         */
        public String nameOrAsWritten(String written, Integer row, String field) {
            if (written == null || written.isBlank()) {
                return written;
            }
            Optional<Unit> u = unit(written);
            if (u.isPresent()) {
                return u.get().name();
            }
            String folded = fold(written);
            // A letter or two in a long name: "Adult Social Care & Helth"; never a short word that happens to be near ("Adults").
            List<String> typos = all.stream().filter(n -> fold(n.name()).length() > 5 && distance(folded, fold(n.name())) <= Math.min(2, folded.length() / 10))
                    .map(n -> units.get(n.unitId()).name()).distinct().sorted().toList();
            if (!typos.isEmpty()) {
                throw new InputException(row, field, "“" + written.strip() + "” is not a unit of the council's structure" + offer(typos)
                        + " (a heading that is no part of the council, such as Financing Items, is kept as written)");
            }
            return written.strip();
        }

        /** Up to three names of {@code kind} closest to what was written (by letters changed, once case and punctuation are set aside). */
        public List<String> nearest(String written, Unit.Kind kind) {
            String folded = fold(written);
            record Scored(String name, int distance) {
            }
            List<Scored> scored = new ArrayList<>();
            for (Unit u : units.values()) {
                if (u.kind() != kind) {
                    continue;
                }
                int best = Integer.MAX_VALUE;
                for (UnitRepository.Name n : all) {
                    if (n.unitId() == u.id()) {
                        String other = fold(n.name());
                        int d = other.contains(folded) || folded.contains(other) ? Math.abs(other.length() - folded.length()) / 4 : distance(folded, other);
                        best = Math.min(best, d);
                    }
                }
                if (best <= Math.max(3, folded.length() / 3)) {
                    scored.add(new Scored(u.name(), best));
                }
            }
            return scored.stream().sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name)).limit(3).map(Scored::name).toList();
        }

        private static String offer(List<String> nearest) {
            if (nearest.isEmpty()) {
                return ": add it to the structure first, or choose one the structure has";
            }
            return ". Did you mean " + nearest.stream().map(n -> "“" + n + "”").collect(Collectors.joining(" or ")) + "?";
        }
    }

    /** Case, '&' or 'and', punctuation, spacing and invisible characters set aside; DCLDMH is how Kent's papers also write DCALDMH. */
    static String fold(String name) {
        return java.text.Normalizer.normalize(name.replaceAll("\\p{Cf}", ""), java.text.Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^a-z0-9]+", " ").strip().replace("dcldmh", "dcaldmh");
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** A new unit, opened on the form's date (not recorded when none is given). */
    @Transactional
    public Unit create(UnitForm form, String user) {
        List<InputException> mistakes = new ArrayList<>();
        Names names = names();
        LocalDate opened = InputException.read(mistakes, () -> form.effective == null ? null : form.effective.date("effective"));
        Unit parent = InputException.read(mistakes, () -> parent(names, form.kind, form.parent));
        String name = form.name.strip();
        String shortName = Text.orNull(form.shortName) == null ? null : form.shortName.strip();
        List<String> aliases = distinct(Objects.requireNonNullElse(InputException.read(mistakes, () -> aliases(form.aliases)), List.of()), name, shortName);
        InputException.read(mistakes, () -> free(names, null, form.kind, name, shortName, aliases));
        if (opened != null && opened.isAfter(LocalDate.now())) {
            mistakes.add(new InputException("effective", "Record a unit on or after the day it opens, not before: until then files cannot name it"));
        }
        if (opened != null && parent != null && parent.openedOn() != null && opened.isBefore(parent.openedOn())) {
            mistakes.add(new InputException("effective", "“" + parent.name() + "” opened on " + DATE.format(parent.openedOn())
                    + ": a unit under it cannot open before it"));
        }
        InputException.refuse(mistakes, List.of("kind", "name", "shortName", "parent", "effective"));
        Unit draft = new Unit(0, AUTHORITY, form.kind, parent == null ? null : parent.id(), name, shortName,
                Text.orNull(form.cabinetMember), Text.orNull(form.corporateDirector), opened, null, 0);
        changed();
        Unit saved = store.get(AUTHORITY, store.insert(draft));
        store.replaceNames(saved, aliases);
        if (opened != null) {
            store.record(saved.id(), opened, "OPENED", null, name, user);
        }
        return saved;
    }

    /**
     * A change from the form's date: a rename keeps the old name as a former one (what was reported before the date still
     * finds the unit, and reads under the name it then had); a move, new holders and a closure are recorded in its history.
     */
    @Transactional
    public Unit change(long id, UnitForm form, String user) {
        Unit was = store.get(AUTHORITY, id);
        List<InputException> mistakes = new ArrayList<>();
        Names names = names();
        if (form.kind != was.kind()) {
            mistakes.add(new InputException("kind", "A " + was.kind().label().toLowerCase(Locale.ROOT) + " stays one: open a new unit and close this one into it"));
        }
        LocalDate effective = InputException.read(mistakes, () -> form.effective == null ? null : form.effective.date("effective"));
        LocalDate closed = InputException.read(mistakes, () -> form.closed == null ? null : form.closed.date("closed"));
        Unit parent = InputException.read(mistakes, () -> parent(names, was.kind(), form.parent));
        String name = form.name.strip();
        String shortName = Text.orNull(form.shortName) == null ? null : form.shortName.strip();
        List<String> aliases = distinct(Objects.requireNonNullElse(InputException.read(mistakes, () -> aliases(form.aliases)), List.of()), name, shortName);
        InputException.read(mistakes, () -> free(names, was, was.kind(), name, shortName, aliases));
        LocalDate from = effective == null ? LocalDate.now() : effective;
        // A change recorded today takes effect at once in every module: one dated later would say otherwise.
        if (from.isAfter(LocalDate.now())) {
            mistakes.add(new InputException("effective", "A change takes effect today or on a day already past: record a restructure on the day it happens"));
        }
        if (closed != null) {
            if (closed.isAfter(LocalDate.now())) {
                mistakes.add(new InputException("closed", "Record a closure on or after the day the unit closes"));
            }
            List<Unit> open = childrenOf(was).stream().filter(c -> c.closedOn() == null || c.closedOn().isAfter(closed)).toList();
            if (!open.isEmpty()) {
                mistakes.add(new InputException("closed", "“" + open.get(0).name() + "” under it is still open: close or move the units under it first"));
            }
            history(was).stream().map(UnitChange::effective).filter(closed::isBefore).findFirst().ifPresent(d -> mistakes.add(
                    new InputException("closed", "Its history records a change on " + DATE.format(d) + ": it cannot have closed before that")));
        }
        if (was.openedOn() != null && from.isBefore(was.openedOn())) {
            mistakes.add(new InputException("effective", "“" + was.name() + "” opened on " + DATE.format(was.openedOn())
                    + ": a change cannot take effect before the unit existed"));
        }
        if (closed != null && was.openedOn() != null && closed.isBefore(was.openedOn())) {
            mistakes.add(new InputException("closed", "“" + was.name() + "” opened on " + DATE.format(was.openedOn()) + ": it cannot close before that"));
        }
        if (parent != null && parent.id() == was.id()) {
            mistakes.add(new InputException("parent", "A unit cannot sit under itself"));
        }
        InputException.refuse(mistakes, List.of("kind", "name", "shortName", "parent", "effective", "closed"));
        Unit now = new Unit(was.id(), was.authority(), was.kind(), parent == null ? null : parent.id(), name, shortName,
                Text.orNull(form.cabinetMember), Text.orNull(form.corporateDirector), was.openedOn(), closed, form.version);
        changed();
        store.update(now);
        store.replaceNames(now, aliases);
        if (!name.equals(was.name())) {
            store.addName(now, was.name(), "FORMER", from.minusDays(1));
            store.record(id, from, "RENAMED", was.name(), name, user);
            events.publishEvent(new UnitRenamed(was.kind(), was.name(), name, from));
        }
        if (!Objects.equals(now.parentId(), was.parentId())) {
            store.record(id, from, "MOVED", was.parentId() == null ? null : store.get(AUTHORITY, was.parentId()).name(),
                    parent == null ? null : parent.name(), user);
        }
        if (!Objects.equals(now.cabinetMember(), was.cabinetMember()) || !Objects.equals(now.corporateDirector(), was.corporateDirector())) {
            store.record(id, from, "HOLDERS", holders(was), holders(now), user);
        }
        if (!Objects.equals(closed, was.closedOn()) && closed != null) {
            store.record(id, closed, "CLOSED", name, null, user);
        }
        return store.get(AUTHORITY, id);
    }

    private static String holders(Unit u) {
        return "Cabinet Member: " + Objects.requireNonNullElse(u.cabinetMember(), "none") + "; Corporate Director: "
                + Objects.requireNonNullElse(u.corporateDirector(), "none");
    }

    private static Unit parent(Names names, Unit.Kind kind, String written) {
        if (Text.orNull(written) == null) {
            if (kind != null && kind != Unit.Kind.DIRECTORATE) {
                throw new InputException("parent", "Choose the unit a " + kind.label().toLowerCase(Locale.ROOT) + " sits under");
            }
            return null;
        }
        if (kind == Unit.Kind.DIRECTORATE) {
            throw new InputException("parent", "A directorate sits under the council itself, not under another unit");
        }
        Unit parent = names.unit(written).orElseThrow(() -> new InputException("parent", "“" + written.strip() + "” is not a unit of the council's structure"));
        if (kind != null && parent.kind().ordinal() >= kind.ordinal()) {
            throw new InputException("parent", "A " + kind.label().toLowerCase(Locale.ROOT) + " sits under a unit above it, not under the "
                    + parent.kind().label().toLowerCase(Locale.ROOT) + " “" + parent.name() + "”");
        }
        return parent;
    }

    /**
     * Each name, short name and alias is the unit's own: no other unit of the council answers to it, whatever the case,
     * '&' or 'and', punctuation or spacing (the way a file's names are read); and none carries a character no page can show.
     */
    private static Void free(Names names, Unit self, Unit.Kind kind, String name, String shortName, List<String> aliases) {
        List<String> mine = new ArrayList<>();
        mine.add(name);
        if (shortName != null) {
            mine.add(shortName);
        }
        mine.addAll(aliases);
        for (String n : mine) {
            String field = n.equals(name) ? "name" : n.equals(shortName) ? "shortName" : "aliases";
            if (n.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT)) {
                throw new InputException(field, "“" + shown(n) + "” holds a control or invisible character: type the name again");
            }
            if (fold(n).isEmpty()) {
                throw new InputException(field, "“" + shown(n) + "” has no letter or digit");
            }
            for (UnitRepository.Name other : names.all) {
                if ((self == null || other.unitId() != self.id()) && fold(other.name()).equals(fold(n))) {
                    Unit owner = names.units.get(other.unitId());
                    throw new InputException(field, "“" + shown(n) + "” reads as “" + other.name() + "”, a name of “" + owner.name()
                            + "”: one name, one part of the council");
                }
            }
        }
        // A directorate's name or short name is its page's address (/directorates/ASCH): no character an address cannot carry.
        if (kind == Unit.Kind.DIRECTORATE && name.matches(".*[/\\\\?#%;].*")) {
            throw new InputException("name", "A directorate's name cannot hold / \\ ? # % or ;: it is part of its page's address");
        }
        return null;
    }

    private static String shown(String n) {
        return n.length() > 80 ? n.substring(0, 80) + "…" : n;
    }

    /** The other spellings, once each, leaving out any that reads as the name or short name itself. */
    private static List<String> distinct(List<String> aliases, String name, String shortName) {
        Set<String> seen = new java.util.HashSet<>();
        seen.add(fold(name));
        if (shortName != null) {
            seen.add(fold(shortName));
        }
        return aliases.stream().filter(a -> fold(a).isEmpty() || seen.add(fold(a))).toList();
    }

    private static List<String> aliases(String text) {
        if (text == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String a = line.strip();
            if (!a.isEmpty()) {
                if (a.length() > Text.NAME) {
                    throw new InputException("aliases", "Each other name must be 200 characters or fewer");
                }
                out.add(a);
            }
        }
        return out;
    }
}
