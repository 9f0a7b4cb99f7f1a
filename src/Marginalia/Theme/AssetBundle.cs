using System.Collections.Immutable;
using System.Text;
using Marginalia.Pipeline;

namespace Marginalia.Theme;

/// <summary>
/// Several of the theme's stylesheets or scripts published as one more asset ("reader.bundle.js"), in the order a
/// page loads them: a reader downloads one file instead of many, and a compressor sees them together, so what the
/// files share is sent once (the reader's scripts, compressed one by one, weigh about a third more).
/// </summary>
/// <param name="Name">The bundle's asset name, its extension that of its parts.</param>
/// <param name="Parts">The assets it joins, by name, in the order they run or cascade.</param>
internal sealed record AssetBundle(string Name, ImmutableArray<string> Parts)
{
    /// <summary>
    /// The bundle's text from its parts as published (minified). Each script runs in a try block of its own and an
    /// error is thrown again outside it, so, as with separate files, an error in one script leaves the next running
    /// and still reaches the console. Null when a part is missing (the page then loads the parts themselves).
    /// </summary>
    public string? Join(IReadOnlyDictionary<string, Document> published)
    {
        ArgumentNullException.ThrowIfNull(published);
        var script = Name.EndsWith(".js", StringComparison.OrdinalIgnoreCase);
        var text = new StringBuilder();
        foreach (var part in Parts)
        {
            if (!published.TryGetValue(part, out var document) || document.Bytes is not null)
            {
                return null;
            }

            text.Append(script ? $"try{{{document.Content}\n}}catch(e){{setTimeout(function(){{throw e}})}}\n" : $"{document.Content}\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// The assets a page loads, with a list that is exactly a built bundle's parts replaced by the bundle.
    /// </summary>
    public static string[] Replace(string[] names, IEnumerable<AssetBundle> bundles, IReadOnlyDictionary<string, string> assets)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(bundles);
        ArgumentNullException.ThrowIfNull(assets);
        var bundle = bundles.FirstOrDefault(b => assets.ContainsKey(b.Name) && b.Parts.SequenceEqual(names, StringComparer.Ordinal));
        return bundle is null ? names : [bundle.Name];
    }
}
