using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Marginalia.Content;
using Marginalia.Contributions.Sources;

namespace Marginalia.Contributions;

/// <summary>Fields every kind of contribution shares: who wrote it and what it cites.</summary>
internal static partial class Contributors
{
    /// <summary>The most sources one note, term or initiative may list.</summary>
    public const int MaxSources = 50;

    public static bool IsGitHubHandle(string handle) => GitHubHandle().IsMatch(handle);

    /// <summary>Reads <c>sources</c>: a list of at most <see cref="MaxSources"/> <c>title</c> and <c>url</c> (absolute http(s)).</summary>
    public static ImmutableArray<NoteSource> ReadSources(FieldParser fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var items = fields.OptionalMappingList("sources");
        if (items is null)
        {
            return [];
        }

        if (items.Count > MaxSources)
        {
            fields.Error(Diagnostics.DiagnosticCodes.InvalidValue, fields.LocationOf("sources"),
                $"'sources' lists {items.Count} sources; at most {MaxSources} are allowed", "cite the sources the text relies on, not every one there is");
            return [];
        }

        var sources = ImmutableArray.CreateBuilder<NoteSource>();
        foreach (var item in items)
        {
            item.RejectUnknown(["title", "url"]);
            var title = item.RequiredString("title");
            var url = item.OptionalHttpUrl("url", required: true);
            if (title is not null && url is not null)
            {
                sources.Add(new NoteSource(title, url));
                foreach (var problem in SourceUrlReview.Review(url.OriginalString))
                {
                    item.Warning(Diagnostics.DiagnosticCodes.SourceHygiene, item.LocationOf("url"), problem.Message, problem.Hint);
                }
            }
        }

        return sources.ToImmutable();
    }

    // GitHub's rule: 1–39 characters, letters, digits and single hyphens, not starting or ending with one.
    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$")]
    private static partial Regex GitHubHandle();
}
