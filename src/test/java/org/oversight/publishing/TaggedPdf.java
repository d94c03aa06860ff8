package org.oversight.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;

/**
 * A veraPDF-style look at a paper's PDF, as PDF/UA asks: marked as tagged, a structure tree with
 * headings, tables and every figure described, the language and title set and shown as the title,
 * and the PDF/UA identification in its metadata.
 */
final class TaggedPdf {

    private TaggedPdf() {
    }

    static void check(PDDocument doc, String title, String... structures) throws Exception {
        var catalog = doc.getDocumentCatalog();
        assertThat(catalog.getMarkInfo()).as("MarkInfo").isNotNull();
        assertThat(catalog.getMarkInfo().isMarked()).as("marked as tagged").isTrue();
        assertThat(catalog.getStructureTreeRoot()).as("a structure tree").isNotNull();
        assertThat(catalog.getLanguage()).as("the document's language").isEqualTo("en-GB");
        assertThat(doc.getDocumentInformation().getTitle()).isEqualTo(title);
        assertThat(catalog.getViewerPreferences()).as("viewer preferences").isNotNull();
        assertThat(catalog.getViewerPreferences().displayDocTitle()).as("the title shown, not the file name").isTrue();
        assertThat(new String(catalog.getMetadata().toByteArray())).as("PDF/UA identification").contains("pdfuaid:part", "1");
        List<String> types = new ArrayList<>();
        List<PDStructureElement> figures = new ArrayList<>();
        walk(catalog.getStructureTreeRoot(), types, figures);
        assertThat(types).as("structure elements").contains("H1", "H2").contains(structures);
        for (PDStructureElement f : figures) {
            assertThat(f.getAlternateDescription()).as("every figure has its text alternative").isNotBlank();
        }
    }

    private static void walk(PDStructureNode node, List<String> types, List<PDStructureElement> figures) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement e) {
                types.add(e.getStructureType());
                if ("Figure".equals(e.getStructureType())) {
                    figures.add(e);
                }
                walk(e, types, figures);
            }
        }
    }
}
