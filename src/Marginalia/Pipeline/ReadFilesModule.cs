using System.Collections.Immutable;
using Marginalia.Content;

namespace Marginalia.Pipeline;

/// <summary>
/// Reads the text files matching a pattern under a folder, strictly decoded, sorted by path so builds are
/// deterministic. Document sources are display paths; a missing folder yields no documents. Files that
/// <paramref name="isText"/> rejects (images, fonts) are read as bytes. A symbolic link that leads out of input/ (or
/// theme/, for the theme's folders) is refused and its file not read. <paramref name="admit"/>, when given, picks which
/// of the files found are read (reporting the others), e.g. to refuse files over a size limit before their bytes are read.
/// </summary>
public sealed class ReadFilesModule(
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

        var files = Directory.EnumerateFiles(root, pattern, recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var roots = context.Build.Roots;
        var boundary = Within(roots.Input, root) ? roots.Input : Within(roots.Theme, root) ? roots.Theme : root;
        var reported = new HashSet<string>(StringComparer.Ordinal);
        files = [.. files.Where(f => InputLinks.Check(boundary, f, roots, context.Diagnostics, reported))];
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
