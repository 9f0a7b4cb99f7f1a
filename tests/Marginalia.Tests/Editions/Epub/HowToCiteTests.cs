using System.Xml.Linq;

namespace Marginalia.Tests.Editions.Epub;

/// <summary>The EPUB's "How to cite" at the head of the essay's chapter: each style, citing this edition's reader page.</summary>
public class HowToCiteTests(BuiltEpub epub) : IClassFixture<BuiltEpub>
{
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    [Fact]
    public void The_essays_chapter_opens_with_the_citation_in_each_style_for_this_editions_reader_page()
    {
        var chapter = XDocument.Parse(epub.Entry("EPUB/essay.xhtml"));
        var section = chapter.Descendants(Xhtml + "section").Single(s => (string?)s.Attribute("id") == "how-to-cite");

        // It sits in the essay's header, before the essay's text
        Assert.Equal("header", section.Parent!.Name.LocalName);
        Assert.Equal("How to cite", section.Element(Xhtml + "h2")!.Value);
        var entries = section.Elements(Xhtml + "p").Select(p => p.Value).ToList();
        Assert.Equal(
            [
                "APA (7th edition): Roy, P. (n.d.). AI and the unfinished agenda of globalisation [Title supplied by the editors]. Marginalia. https://marginalia.netlify.app/ (Originally published by Modern Diplomacy; republished by Africa-Press)",
                "Chicago (17th edition), note: Partha Roy, \u201CAI and the Unfinished Agenda of Globalisation\u201D [title supplied by the editors], Marginalia, accessed [date of access], https://marginalia.netlify.app/. Originally published by Modern Diplomacy; republished by Africa-Press.",
                "Chicago (17th edition), bibliography: Roy, Partha. \u201CAI and the Unfinished Agenda of Globalisation\u201D [title supplied by the editors]. Marginalia. Accessed [date of access]. https://marginalia.netlify.app/. Originally published by Modern Diplomacy; republished by Africa-Press.",
                "MLA (9th edition): Roy, Partha. \u201CAI and the Unfinished Agenda of Globalisation\u201D [title supplied by the editors]. Marginalia, https://marginalia.netlify.app/. Accessed [date of access]. Originally published by Modern Diplomacy; republished by Africa-Press.",
            ],
            entries);
        Assert.Equal("AI and the unfinished agenda of globalisation", section.Descendants(Xhtml + "i").First().Value);
    }
}
