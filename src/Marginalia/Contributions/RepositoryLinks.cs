namespace Marginalia.Contributions;

/// <summary>
/// Links into the repository's web editor (GitHub's URL scheme): edit a contributed file, or start a new note with a
/// filled-in template. Built from <c>repository</c> and <c>branch</c> in site.yml.
/// </summary>
internal sealed class RepositoryLinks(Uri repository, string branch)
{
    private readonly string _base = repository.AbsoluteUri.TrimEnd('/');

    /// <summary>The web editor for an existing file, e.g. <c>input/annotations/wto.md</c>.</summary>
    public string Edit(string path) => $"{_base}/edit/{Uri.EscapeDataString(branch)}/{path}";

    /// <summary>
    /// The new-file page in the notes' folder, without its query: the reader's "Suggest a note" (selection.js) adds
    /// <c>?filename=…&amp;value=…</c> for the note it made from a selection, as <see cref="NewNote"/> does here.
    /// </summary>
    public string NewNoteFolder() => $"{_base}/new/{Uri.EscapeDataString(branch)}/input/annotations";

    /// <summary>The new-file page for a note on a paragraph, with its quote (the paragraph's first sentence) filled in.</summary>
    public string NewNote(string paragraphId, string paragraphText)
    {
        ArgumentNullException.ThrowIfNull(paragraphText);
        var quote = FirstSentence(paragraphText).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        var template =
            "---\n" +
            $"quote: \"{quote}\"\n" +
            "kind: \"context\"\n" +
            $"author: {Placeholders.Author}\n" +
            "created: YYYY-MM-DD\n" +
            "sources:\n  - title: \"The page's real title\"\n    url: \"https://\"\n" +
            "---\n" +
            "Write the note here: what the passage refers to, whether it holds, and a source.\n";
        var filename = paragraphId.StartsWith("p-", StringComparison.Ordinal) ? paragraphId[2..] + ".md" : paragraphId + ".md";
        return $"{NewNoteFolder()}?filename={Uri.EscapeDataString(filename)}&value={Uri.EscapeDataString(template)}";
    }

    private static string FirstSentence(string text)
    {
        var end = text.IndexOfAny(['.', '?', '!']);
        return (end < 0 ? text : text[..(end + 1)]).Trim();
    }
}
