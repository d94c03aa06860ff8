package org.oversight.governance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitWidthDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.oversight.publishing.PdfDocument;
import org.oversight.publishing.PublishedPapers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * A meeting's agenda pack: the agenda, each item's page range worked out from the assembled pack
 * ("Pages 7 - 14"), then each item's report or its standing paper (the published PDF itself), in
 * order, every page numbered and a bookmark per item. The public pack leaves exempt items out.
 */
@Component
class AgendaPack {

    /** The pack, its pages, and where each item starts and ends in it. */
    record Assembled(byte[] pdf, int pages, Map<Integer, int[]> ranges) {
    }

    private final Committees committees;
    private final Agendas agendas;
    private final Memberships memberships;
    private final MeetingRepository meetings;
    private final PublishedPapers papers;
    private final SpringTemplateEngine templates;
    private final ApplicationContext context;
    private final String council;

    AgendaPack(Committees committees, Agendas agendas, Memberships memberships, MeetingRepository meetings, PublishedPapers papers,
               SpringTemplateEngine templates, ApplicationContext context,
               @Value("${oversight.council-name:Kent County Council}") String council) {
        this.council = council;
        this.committees = committees;
        this.agendas = agendas;
        this.memberships = memberships;
        this.meetings = meetings;
        this.papers = papers;
        this.templates = templates;
        this.context = context;
    }

    /** A pack of hundreds of pages is merged in memory: one at a time, so a few readers at once cannot exhaust the heap. */
    private static final Semaphore ASSEMBLY = new Semaphore(1, true);

    Assembled assemble(Committee.Meeting m, boolean everything) {
        try {
            if (!ASSEMBLY.tryAcquire(60, TimeUnit.SECONDS)) {
                throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                        "Other agenda packs are being assembled: try again in a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Assembly was interrupted");
        }
        try {
            return assembleAlone(m, everything);
        } finally {
            ASSEMBLY.release();
        }
    }

    private Assembled assembleAlone(Committee.Meeting m, boolean everything) {
        Committee c = committees.committeeOf(m);
        List<Committee.Item> items = agendas.agenda(m, everything);
        Map<Integer, byte[]> parts = new LinkedHashMap<>();
        Map<Integer, Integer> lengths = new LinkedHashMap<>();
        for (Committee.Item i : items) {
            byte[] part = part(c, m, i);
            if (part != null) {
                parts.put(i.number(), part);
                lengths.put(i.number(), pages(part));
            }
        }
        // The membership on the day, by party as the papers print it: "Conservative (12): Mrs P T Cole (Chairman), ...".
        Map<String, List<String>> parties = new TreeMap<>();
        List<Committee.Member> members = memberships.members(c, m.starts().toLocalDate());
        for (Committee.Member x : members) {
            parties.computeIfAbsent(x.party() == null ? "Party not given" : x.party(), k -> new ArrayList<>())
                    .add(x.printed());
        }
        List<String> membership = parties.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue().size() + "): " + String.join(", ", e.getValue())).toList();
        // The agenda names the pages its items start on, and its own length moves them: lay it out until it stands still.
        int agendaPages = 1;
        byte[] agenda = null;
        Map<Integer, int[]> ranges = new LinkedHashMap<>();
        for (int attempt = 0; attempt < 4; attempt++) {
            ranges.clear();
            int next = agendaPages + 1;
            for (var e : lengths.entrySet()) {
                ranges.put(e.getKey(), new int[]{next, next + e.getValue() - 1});
                next += e.getValue();
            }
            agenda = PdfDocument.print(html("governance/agenda-paper", Map.of("committee", c, "meeting", m, "items", items, "ranges", ranges,
                    "everything", everything, "council", council, "membership", membership, "memberCount", members.size())));
            int actual = pages(agenda);
            if (actual == agendaPages) {
                break;
            }
            agendaPages = actual;
        }
        return merge(agenda, items, parts, ranges);
    }

    /** An item's part of the pack: its report laid out, or its standing paper as published; none for an item with neither. */
    private byte[] part(Committee c, Committee.Meeting m, Committee.Item i) {
        var report = meetings.report(i.id());
        if (report.isPresent()) {
            return PdfDocument.print(html("governance/report-paper", Map.of("committee", c, "meeting", m, "item", i, "report", report.get())));
        }
        if (i.paper() != null) {
            return papers.pdf(i.paper().kind(), i.paper().period(), i.paper().scope(), i.paper().version()).orElse(null);
        }
        return null;
    }

    private Assembled merge(byte[] agenda, List<Committee.Item> items, Map<Integer, byte[]> parts, Map<Integer, int[]> ranges) {
        List<PDDocument> sources = new ArrayList<>();
        try (PDDocument pack = new PDDocument()) {
            PDDocument first = Loader.loadPDF(agenda);
            sources.add(first);
            for (PDPage page : first.getPages()) {
                pack.importPage(page);
            }
            PDDocumentOutline outline = new PDDocumentOutline();
            pack.getDocumentCatalog().setDocumentOutline(outline);
            bookmark(outline, pack.getPage(0), "Agenda");
            for (Committee.Item i : items) {
                byte[] part = parts.get(i.number());
                if (part == null) {
                    continue;
                }
                PDDocument doc = Loader.loadPDF(part);
                sources.add(doc);
                int start = pack.getNumberOfPages();
                for (PDPage page : doc.getPages()) {
                    pack.importPage(page);
                }
                bookmark(outline, pack.getPage(start), i.number() + " " + i.title());
            }
            number(pack);
            pack.getDocumentInformation().setTitle(first.getDocumentInformation().getTitle());
            pack.getDocumentCatalog().setLanguage("en-GB");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pack.save(out);
            return new Assembled(out.toByteArray(), pack.getNumberOfPages(), ranges);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (PDDocument d : sources) {
                try {
                    d.close();
                } catch (IOException ignored) {
                    // Read from memory: nothing to release that the collector does not.
                }
            }
        }
    }

    private static void bookmark(PDDocumentOutline outline, PDPage page, String title) {
        PDPageFitWidthDestination to = new PDPageFitWidthDestination();
        to.setPage(page);
        PDOutlineItem item = new PDOutlineItem();
        item.setDestination(to);
        item.setTitle(title.length() > 120 ? title.substring(0, 120) + "…" : title);
        outline.addLast(item);
    }

    /** "Pack page N of M" on every page, top right, clear of each paper's own footer. */
    private static void number(PDDocument pack) throws IOException {
        try (InputStream font = AgendaPack.class.getResourceAsStream("/fonts/DejaVuSans.ttf")) {
            PDType0Font f = PDType0Font.load(pack, font);
            int total = pack.getNumberOfPages();
            for (int n = 0; n < total; n++) {
                PDPage page = pack.getPage(n);
                try (PDPageContentStream s = new PDPageContentStream(pack, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                    String text = "Pack page " + (n + 1) + " of " + total;
                    float width = f.getStringWidth(text) / 1000 * 8;
                    s.beginText();
                    s.setFont(f, 8);
                    s.newLineAtOffset(page.getMediaBox().getWidth() - width - 28, page.getMediaBox().getHeight() - 22);
                    s.showText(text);
                    s.endText();
                }
            }
        }
    }

    private static int pages(byte[] pdf) {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return d.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String html(String template, Map<String, Object> variables) {
        Context ctx = new Context(Locale.UK);
        ctx.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME, new ThymeleafEvaluationContext(context, null));
        ctx.setVariables(variables);
        ctx.setVariable("today", LocalDate.now());
        return templates.process(template, ctx);
    }
}
