using Marginalia.Pipeline;

namespace Marginalia.Content;

/// <summary>Metadata keys of content documents and of the build settings.</summary>
internal static class ContentKeys
{
    /// <summary>A file's path relative to the folder it was read from ("site.css", "fonts/x.woff2").</summary>
    public static readonly MetadataKey<string> RelativePath = new(nameof(RelativePath));

    /// <summary>The rendered essay, on the Essay pipeline's document.</summary>
    public static readonly MetadataKey<Essay> Essay = new(nameof(Essay));

    /// <summary>
    /// The media paths ("media/…") a contributed file's body shows, on every contribution loader's documents whatever
    /// the kind, so the media check asks no kind by name.
    /// </summary>
    public static readonly MetadataKey<System.Collections.Immutable.ImmutableArray<string>> Media = new(nameof(Media));

    /// <summary>The site settings from site.yml, in <see cref="Pipeline.BuildContext.Settings"/>.</summary>
    public static readonly MetadataKey<SiteSettings> Site = new(nameof(Site));
}
