using Marginalia.Diagnostics;

namespace Marginalia.Cli;

/// <summary>
/// Works out how the user started this command, so every hint names a command they can paste: the launcher says so
/// itself (MARGINALIA_COMMAND); otherwise where the CLI's own files are tells <c>dotnet run</c> from an installed tool.
/// </summary>
internal static class Invocation
{
    /// <summary>Set by the repository's <c>./marginalia</c> launcher to the command as typed.</summary>
    public const string EnvironmentVariable = "MARGINALIA_COMMAND";

    private const string ProjectFile = "Marginalia.Cli.csproj";

    public static CommandName Detect() =>
        Detect(Environment.GetEnvironmentVariable(EnvironmentVariable), AppContext.BaseDirectory, Environment.CurrentDirectory);

    /// <param name="announced">The launcher's MARGINALIA_COMMAND, when set.</param>
    /// <param name="baseDirectory">The folder the CLI's assemblies were loaded from.</param>
    /// <param name="currentDirectory">The user's working directory, which a <c>dotnet run --project</c> path is relative to.</param>
    public static CommandName Detect(string? announced, string baseDirectory, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(baseDirectory);
        ArgumentNullException.ThrowIfNull(currentDirectory);
        if (!string.IsNullOrWhiteSpace(announced))
        {
            return new CommandName(announced.Trim());
        }

        var folders = Path.TrimEndingDirectorySeparator(Path.GetFullPath(baseDirectory)).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);

        // A local tool (dotnet tool restore) runs from the NuGet cache: .../<package>/<version>/tools/<tfm>/any.
        // A global tool runs from ~/.dotnet/tools/.store/..., reached through the `marginalia` shim, as is a published binary.
        if (!folders.Contains(".store") && folders.Length >= 3 && folders[^3] == "tools" && folders[^1] == "any")
        {
            return new CommandName("dotnet marginalia");
        }

        // `dotnet run` runs the build in the project's bin/<configuration>/<framework>[/<runtime>] folder.
        var bin = Array.LastIndexOf(folders, "bin");
        if (bin > 0 && folders.Length - bin <= 4)
        {
            var project = string.Join(Path.DirectorySeparatorChar, folders[..bin]);
            if (File.Exists(Path.Combine(project, ProjectFile)))
            {
                var relative = Path.GetRelativePath(currentDirectory, project);
                return new CommandName($"dotnet run --project {Quoted(relative)} --");
            }
        }

        return CommandName.Default;
    }

    private static string Quoted(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;
}
