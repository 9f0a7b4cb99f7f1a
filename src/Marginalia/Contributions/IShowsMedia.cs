using System.Collections.Immutable;

namespace Marginalia.Contributions;

/// <summary>A contributed file whose body may show images from media/: every kind's file model.</summary>
internal interface IShowsMedia
{
    /// <summary>The media paths ("media/…") the body shows.</summary>
    ImmutableArray<string> Media { get; }
}

/// <summary>A loader that reads one folder of contributions: the media check asks each for what its files show.</summary>
internal interface IContributionFolder
{
    string Name { get; }

    /// <summary>The folder under input/ ("annotations", "glossary", …).</summary>
    string InputFolder { get; }
}
