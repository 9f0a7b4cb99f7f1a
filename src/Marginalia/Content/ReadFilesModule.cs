using System.Collections.Immutable;
using Marginalia.Pipeline;

namespace Marginalia.Content;

/// <summary>
/// Reads the text files matching a pattern under a folder, strictly decoded, sorted by path so builds are
/// deterministic. Document sources are display paths; a missing folder yields no documents. Files that
/// <paramref name="isText"/> rejects (images, fonts) are read as bytes. Folders are listed by <see cref="InputTree"/>:
/// a symbolic link that leads out of input/ (or theme/, for the theme's folders), round in a circle, or to a folder read
/// already is refused and not followed.
/// <paramref name="admit"/>, when given, picks which of the files found are read (reporting the others), e.g. to
/// refuse files over a size limit before their bytes are read.
/// </summary>
internal sealed class ReadFilesModule(
    Func<BuildRoots, string> folder,
    string pattern,
    bool recursive = false,
    Func<string, bool>? isText = null,
    Func<string[], IExecutionContext, string[]>? admit = null)
    : IModule
{
    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = folder(context.Build.Roots);
        if (!Directory.Exists(root))
        {
            return Task.FromResult(ImmutableArray<Document>.Empty);
        }

        var roots = context.Build.Roots;
        string[] files = [.. InputTree.Files(root, pattern, recursive, Boundary(roots, root), roots, context.Diagnostics)];
        files = admit?.Invoke(files, context) ?? files;
        var documents = new Document?[files.Length];
        Parallel.For(0, files.Length, i =>
        {
            var display = context.Build.Roots.Display(files[i]);
            var relative = Path.GetRelativePath(root, files[i]).Replace('\\', '/');
            documents[i] = isText is null || isText(relative) ? ReadText(files[i], display, context) : ReadBinary(files[i], display, context);
            documents[i] = documents[i]?.With(ContentKeys.RelativePath, relative);
        });
        return Task.FromResult(documents.OfType<Document>().ToImmutableArray());
    }

    /// <summary>The folder links under <paramref name="root"/> must stay within: input/ or theme/, whichever holds it.</summary>
    public static string Boundary(BuildRoots roots, string root)
    {
        ArgumentNullException.ThrowIfNull(roots);
        return Within(roots.Input, root) ? roots.Input : Within(roots.Theme, root) ? roots.Theme : root;
    }

    private static bool Within(string folder, string path)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }

    private static Document? ReadText(string file, string display, IExecutionContext context) =>
        SourceFileReader.Read(file, display, context.Diagnostics) is { } text ? new Document(display, null, text.Text) : null;

    private static Document? ReadBinary(string file, string display, IExecutionContext context)
    {
        try
        {
            return Document.Binary(display, null, File.ReadAllBytes(file));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Diagnostics.Error(Diagnostics.DiagnosticCodes.FileUnreadable, Diagnostics.SourceLocation.File(display), $"cannot read file: {ex.Message}");
            return null;
        }
    }
}
