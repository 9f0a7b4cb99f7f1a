using System.Collections.Immutable;
using Marginalia.Diagnostics;
using Marginalia.Pipeline;

namespace Marginalia.Contributions;

/// <summary>
/// Reports every file in a contributions folder that is not read — in a subfolder, or not ending in lowercase
/// <c>.md</c> (<c>Note.MD</c>, <c>note.markdown</c>) — so that no contribution is dropped without a word. Hidden files
/// (<c>.gitkeep</c>, <c>.DS_Store</c>, vim's <c>.note.md.swp</c>) are left alone. An editor's visible scratch file
/// (<see cref="EditorScratchFiles"/>: <c>note.md~</c>, <c>sedAb12Cd</c>) gets a warning rather than an error. Passes its
/// input documents through unchanged.
/// </summary>
internal sealed class StrayFilesModule(string folder) : IModule
{
    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = Path.Combine(context.Build.Roots.Input, folder);
        if (!Directory.Exists(root))
        {
            return Task.FromResult(inputs);
        }

        // Listed as the readers list files: links followed once, cycles and links out of input/ reported at the link.
        var unread = InputTree.Files(root, "*", recursive: true, context.Build.Roots.Input, context.Build.Roots, context.Diagnostics)
            .Where(file => !Path.GetFileName(file).StartsWith('.'))
            .Where(file => Path.GetDirectoryName(file) != root || !file.EndsWith(".md", StringComparison.Ordinal));
        foreach (var file in unread)
        {
            var at = SourceLocation.File(context.Build.Roots.Display(file));
            if (EditorScratchFiles.IsScratch(file))
            {
                // A warning, never an error: the preview builds while editors save, and a build must not fail on a
                // file that is gone a moment later. Left in a pull request, it still deserves a word.
                context.Diagnostics.Warning(DiagnosticCodes.StrayFile, at,
                    "this looks like an editor's temporary file (a backup, swap or sed file); it is not read",
                    "once your editor has saved, delete it so it is not committed");
                continue;
            }

            context.Diagnostics.Error(DiagnosticCodes.StrayFile, at,
                $"this file is not read: only '<id>.md' files directly in input/{folder}/ are",
                $"move it to input/{folder}/<id>.md, or delete it");
        }

        return Task.FromResult(inputs);
    }
}
