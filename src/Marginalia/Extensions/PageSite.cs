using Marginalia.Content;
using Marginalia.Contributions;

namespace Marginalia.Extensions;

/// <summary>What every page's model is built from: the settings, the woven essay and its annotations, and the repository's edit links.</summary>
internal sealed record PageSite(SiteSettings Settings, ReaderResult Reader, RepositoryLinks? Repository)
{
    public string Author => Reader.Essay.Info.Author;
}
