using Marginalia.Content;
using Marginalia.Diagnostics;
using Marginalia.Markup;
using Marginalia.Text;

namespace Marginalia.Scaffolding;

/// <summary>The essay's text as the build sees it, read on its own so a new file can be checked against it.</summary>
internal static class EssayText
{
    /// <summary>Reads and renders <c>essay.md</c> the way the build does and indexes its text.</summary>
    /// <param name="essayPath">The full path of <c>essay.md</c>.</param>
    /// <param name="displayPath">The path shown in diagnostics.</param>
    /// <param name="diagnostics">Where the essay's own problems go.</param>
    /// <returns>Null when the essay is missing or cannot be read (reported).</returns>
    public static TextIndex? Load(string essayPath, string displayPath, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(essayPath);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (!File.Exists(essayPath))
        {
            diagnostics.Error(DiagnosticCodes.FileMissing, SourceLocation.File(displayPath), "the essay is missing",
                "run the command in the site's folder, or point --input at the folder with essay.md");
            return null;
        }

        var source = SourceFileReader.Read(essayPath, displayPath, diagnostics);
        var frontMatter = source is null ? null : FrontMatterParser.Parse(source, diagnostics);
        var essay = frontMatter is null ? null : EssayBuilder.Build(frontMatter, diagnostics, Path.Combine(Path.GetDirectoryName(Path.GetFullPath(essayPath))!, MediaPipeline.Folder));
        if (essay is null || diagnostics.HasErrors)
        {
            return null;
        }

        // The same text the weave indexes: the model, markers (the author's footnote references) left out.
        return TextIndex.Build(essay.Body.Copy().Root, e => e.ClassList.Contains(MarkupNames.NoteRef));
    }
}
