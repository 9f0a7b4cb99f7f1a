using Marginalia.Citations;

namespace Marginalia.Tests.Citations;

/// <summary>
/// Each style's row against worked examples from published guidance for that style, character for character. The one
/// liberty: where a guide prints straight quotation marks, the expected text has the typographic ones this edition
/// writes (<see cref="Typographic"/>); every other character is the guide's.
/// </summary>
public class CitationStylesTests
{
    private static CitedWork Work(PersonName author, string title, string site, CitedDate? date, string? sitePublisher = null, params string[] properNouns) =>
        new(author, title, TitleIsEditorial: false, site, sitePublisher, OriginalPublisher: null, Republisher: null, date, "en")
        {
            ProperNouns = new HashSet<string>(properNouns, StringComparer.Ordinal),
        };

    /// <summary>"…" pairs as “…”.</summary>
    private static string Typographic(string text)
    {
        var open = true;
        return string.Concat(text.Select(c => c == '"' ? ((open = !open) ? "\u201D" : "\u201C") : c.ToString()));
    }

    // University of Auckland Libraries, "APA 7th: Web page", https://auckland.libguides.com/apa7th/web-page
    [Fact]
    public void Apa_web_page_with_a_year_matches_Auckland_libraries_example()
    {
        var work = Work(new("L.", "Maltin"), "When Disney Got Trippy", "BBC", new CitedDate(2015), null, "Disney");

        var citation = CitationFormatter.Format(CitationStyles.Apa, work, "http://www.bbc.com/culture/story/20151112-when-disney-got-adult-and-trippy", accessed: null);

        Assert.Equal("Maltin, L. (2015). When Disney got trippy. BBC. http://www.bbc.com/culture/story/20151112-when-disney-got-adult-and-trippy", citation.Text);
        Assert.Equal("Maltin, L. (2015). <i>When Disney got trippy</i>. BBC. http://www.bbc.com/culture/story/20151112-when-disney-got-adult-and-trippy", citation.Html);
    }

    // Same guide: a full date, two initials, a title that starts with a number and keeps a name's capital.
    [Fact]
    public void Apa_web_page_with_a_full_date_matches_Auckland_libraries_example()
    {
        var work = Work(new("A. L.", "Murad"), "15 Simple Diet Tweaks That Could Cut Your Alzheimer's Risk", "Mayo Clinic", new CitedDate(2019, 4, 19), null, "Alzheimer's");

        var citation = CitationFormatter.Format(CitationStyles.Apa, work, "https://www.mayoclinic.org/diseases-conditions/alzheimers-disease/in-depth/15-simple-diet-tweaks-cut-alzheimers-risk/art-20342112", "June 2, 2024");

        Assert.Equal("Murad, A. L. (2019, April 19). 15 simple diet tweaks that could cut your Alzheimer's risk. Mayo Clinic. https://www.mayoclinic.org/diseases-conditions/alzheimers-disease/in-depth/15-simple-diet-tweaks-cut-alzheimers-risk/art-20342112", citation.Text);
    }

    // University of Auckland Libraries, "Chicago 17th: Web page", https://auckland.libguides.com/chicago17th/web-page
    [Fact]
    public void Chicago_note_for_an_undated_page_gives_the_access_date_as_Auckland_libraries_example()
    {
        var work = Work(new("Kate", "Bush"), "A Passion for the All Blacks", "Saints Alive", date: null);
        var accessed = CitationStyles.ChicagoNote.Dates.Format(new CitedDate(1990, 6, 2));

        var citation = CitationFormatter.Format(CitationStyles.ChicagoNote, work, "http://www.passion-all-blacks-bush.saints.alive.com", accessed);

        Assert.Equal("Kate Bush, \u201CA Passion for the All Blacks,\u201D Saints Alive, accessed June 2, 1990, http://www.passion-all-blacks-bush.saints.alive.com.", citation.Text);
    }

    // Same guide: a title ending in a question mark keeps the comma after it (CMOS 17), and a dated page has no access date.
    [Fact]
    public void Chicago_note_for_a_dated_page_with_a_question_in_its_title_matches_Auckland_libraries_example()
    {
        var work = Work(new("Jeff", "Turrentine"), "What is Climate Change?", "NRDC", new CitedDate(2021, 9, 1));

        var citation = CitationFormatter.Format(CitationStyles.ChicagoNote, work, "https://www.nrdc.org/stories/what-climate-change#whatis", "June 2, 2024");

        Assert.Equal(Typographic("Jeff Turrentine, \"What is Climate Change?,\" NRDC, September 1, 2021, https://www.nrdc.org/stories/what-climate-change#whatis."), citation.Text);
    }

    // CiteDash, "How to cite a website in Chicago 17th Edition (Notes-Bibliography)", https://citedash.ai/cite/chicago-notes/website
    [Fact]
    public void Chicago_note_and_bibliography_for_a_group_author_match_CiteDash_example()
    {
        var work = Work(new(null, "World Health Organization"), "Mental Health in the Workplace", "World Health Organization", new CitedDate(2023, 6, 15));
        const string Url = "https://www.who.int/news-room/fact-sheets/detail/mental-health-at-work";

        var note = CitationFormatter.Format(CitationStyles.ChicagoNote, work, Url, null);
        var bibliography = CitationFormatter.Format(CitationStyles.ChicagoBibliography, work, Url, null);

        Assert.Equal(Typographic("World Health Organization, \"Mental Health in the Workplace,\" World Health Organization, June 15, 2023, https://www.who.int/news-room/fact-sheets/detail/mental-health-at-work."), note.Text);
        Assert.Equal(Typographic("World Health Organization. \"Mental Health in the Workplace.\" World Health Organization. June 15, 2023. https://www.who.int/news-room/fact-sheets/detail/mental-health-at-work."), bibliography.Text);
    }

    // Pierce College Library, "Cite Your Sources in MLA 9th: Websites", https://library.piercecollege.edu/mla9/websites
    // (the guide prints two spaces in "Jan.  2019", a slip: one here)
    [Fact]
    public void Mla_web_page_with_a_publisher_a_date_and_an_access_date_matches_Pierce_College_example()
    {
        var work = Work(new("Amy", "Morin"), "Mom Am I Fat?: Helping Your Teen Have a Positive Body Image", "Verywell Family", new CitedDate(2019, 1, 18), "About Inc.");
        var accessed = CitationStyles.Mla.Dates.Format(new CitedDate(2019, 5, 12));

        var citation = CitationFormatter.Format(CitationStyles.Mla, work, "www.verywellfamily.com/media-and-teens-body-image-2611245", accessed);

        Assert.Equal(Typographic("Morin, Amy. \"Mom Am I Fat?: Helping Your Teen Have a Positive Body Image.\" Verywell Family, About Inc., 18 Jan. 2019, www.verywellfamily.com/media-and-teens-body-image-2611245. Accessed 12 May 2019."), citation.Text);
        Assert.Contains("<i>Verywell Family</i>, About Inc.,", citation.Html, StringComparison.Ordinal);
    }

    // Scholaris, "How to Cite a Website in MLA 9th Edition", https://scholaris.joseluissaorin.com/blog/cite/cite-website-in-mla-9
    [Fact]
    public void Mla_web_page_without_a_date_matches_Scholaris_example()
    {
        var work = Work(new("Susan", "Lundman"), "How to Make Vegetarian Chili", "eHow", date: null);

        var citation = CitationFormatter.Format(CitationStyles.Mla, work, "www.ehow.com/how_10727_make-vegetarian-chili.html", accessed: null);

        Assert.Equal(Typographic("Lundman, Susan. \"How to Make Vegetarian Chili.\" eHow, www.ehow.com/how_10727_make-vegetarian-chili.html."), citation.Text);
        Assert.Equal(Typographic("Lundman, Susan. \"How to Make Vegetarian Chili.\" <i>eHow</i>, www.ehow.com/how_10727_make-vegetarian-chili.html."), citation.Html);
    }

    [Fact]
    public void The_essay_is_cited_with_no_date_its_editorial_title_marked_and_where_it_was_first_published()
    {
        var work = new CitedWork(new("Partha", "Roy"), "AI and the Unfinished Agenda of Globalisation", TitleIsEditorial: true, "Marginalia", null, "Modern Diplomacy", "Africa-Press", null, "en");
        const string Url = "https://marginalia.netlify.app/#p-x";

        var apa = CitationFormatter.Format(CitationStyles.Apa, work, Url, "4 Dec. 2026").Text;
        var note = CitationFormatter.Format(CitationStyles.ChicagoNote, work, Url, "December 4, 2026").Text;
        var bibliography = CitationFormatter.Format(CitationStyles.ChicagoBibliography, work, Url, "December 4, 2026").Text;
        var mla = CitationFormatter.Format(CitationStyles.Mla, work, Url, "4 Dec. 2026").Text;

        Assert.Equal("Roy, P. (n.d.). AI and the unfinished agenda of globalisation [Title supplied by the editors]. Marginalia. https://marginalia.netlify.app/#p-x (Originally published by Modern Diplomacy; republished by Africa-Press)", apa);
        Assert.Equal("Partha Roy, \u201CAI and the Unfinished Agenda of Globalisation\u201D [title supplied by the editors], Marginalia, accessed December 4, 2026, https://marginalia.netlify.app/#p-x. Originally published by Modern Diplomacy; republished by Africa-Press.", note);
        Assert.Equal("Roy, Partha. \u201CAI and the Unfinished Agenda of Globalisation\u201D [title supplied by the editors]. Marginalia. Accessed December 4, 2026. https://marginalia.netlify.app/#p-x. Originally published by Modern Diplomacy; republished by Africa-Press.", bibliography);
        Assert.Equal("Roy, Partha. \u201CAI and the Unfinished Agenda of Globalisation\u201D [title supplied by the editors]. Marginalia, https://marginalia.netlify.app/#p-x. Accessed 4 Dec. 2026. Originally published by Modern Diplomacy; republished by Africa-Press.", mla);
    }

    [Fact]
    public void Proper_nouns_are_the_words_the_essay_capitalises_mid_sentence()
    {
        var nouns = CitedWork.ProperNounsIn(["An open-source tool written in Nairobi might reach Berlin. Small entrepreneurs use it, and Southeast Asia too."]);

        Assert.Equal(["Asia", "Berlin", "Nairobi", "Southeast"], nouns.Order(StringComparer.Ordinal));
        Assert.Equal("Made in Nairobi: A tale of two cities", TitleCase.Sentence("Made In Nairobi: A Tale Of Two Cities", nouns));
    }
}
