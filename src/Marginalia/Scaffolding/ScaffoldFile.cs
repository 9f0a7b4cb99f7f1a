using System.Text;

namespace Marginalia.Scaffolding;

/// <summary>Writes a scaffold into the input folder, never over an existing file.</summary>
internal static class ScaffoldFile
{
    /// <returns>The full path written, or null when a file is already there (nothing is written then).</returns>
    public static string? Write(string inputFolder, Scaffold scaffold)
    {
        ArgumentNullException.ThrowIfNull(inputFolder);
        ArgumentNullException.ThrowIfNull(scaffold);
        var path = Path.Combine(inputFolder, scaffold.Folder, scaffold.Id + ".md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            // CreateNew: the check and the creation are one step, so a file appearing meanwhile is not overwritten either.
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(scaffold.Content);
            stream.Write(bytes);
            return path;
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }
    }
}
