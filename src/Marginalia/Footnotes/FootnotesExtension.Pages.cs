using Marginalia.Extensions;
using Marginalia.Theme;

namespace Marginalia.Footnotes;

/// <summary>
/// The author's footnotes add nothing of their own to the pages: they are numbered with the notes and shown among
/// them (the notes kind lists every numbered note, the reader's endnotes included), and they are the essay's, so
/// they cite nothing on the sources page and credit no contributor.
/// </summary>
internal sealed partial class FootnotesExtension
{
    public int CreditOrder => int.MaxValue;

    public IEnumerable<PageSpec> Pages(PageSite site) => [];

    public void Fill(PageSpec page, PageSite site, PageModel model)
    {
    }

    public IEnumerable<Citation> Citations(ReaderResult reader) => [];

    public CreditedWork? Work(ReaderResult reader) => null;

    /// <summary>None: a footnote's ids are of the form the pages reserve for footnotes ("note-fn-1", PageIds.AuthorFootnote), and it has no file of its own.</summary>
    public IEnumerable<OwnedId> ElementIds(ReaderResult reader) => [];

    public void RegisterModels(LayoutModels models)
    {
    }
}
