using Marginalia.Extensions;
using Marginalia.Theme;

namespace Marginalia.Questions;

/// <summary>The questions' part of the pages: the prompts' stylesheet on the reader, and the reading guide (reading-guide/index.html) when the essay has questions.</summary>
internal sealed partial class QuestionsExtension
{
    public IEnumerable<string> Stylesheets(PageSpec page) => page?.Layout is CoreLayouts.Reader or ReadingGuide.Layout ? ["questions.css"] : [];

    public IEnumerable<PageSpec> Pages(PageSite site)
    {
        ArgumentNullException.ThrowIfNull(site);
        if (site.Reader.Questions.Length == 0)
        {
            yield break; // no guide without questions: an empty page would only be one more page to keep offline
        }

        yield return new PageSpec(ReadingGuide.Layout, ReadingGuide.Path, ReadingGuide.Title,
            $"Questions for reading groups and classes on {site.Author}’s essay, section by section, each with the passage it is about and hints for leading the discussion.",
            Root: "../", CanonicalPath: "reading-guide/");
    }

    public void Fill(PageSpec page, PageSite site, PageModel model)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(model);
        if (page.Layout == ReadingGuide.Layout)
        {
            model.Set("guide_sections", GuideModel.Sections(site.Reader, page.Destination));
            model.Set("question_count", site.Reader.Questions.Length);
        }
    }

    /// <summary>The guide, when there is one.</summary>
    public IEnumerable<NavLink> Nav(PageSite site) =>
        site?.Reader.Questions.Length > 0 ? [new(ReadingGuide.Title, ReadingGuide.Path, 40, [ReadingGuide.Layout])] : [];

    public void RegisterModels(LayoutModels models)
    {
        ArgumentNullException.ThrowIfNull(models);
        models.Register<GuideSectionView>();
        models.Register<GuideQuestionView>();
    }
}
