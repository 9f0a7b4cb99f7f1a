using Marginalia.Testing;

namespace Marginalia.Tests.Support;

/// <summary>
/// Finds the repository the tests run from, so they use its real input/ (as committed at HEAD, so a draft in the
/// working tree changes nothing here) and theme/ (the working tree's, since it is what is being tested).
/// </summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Input => CommittedInput.Of(Root).Input;

    public static string Theme => Path.Combine(Root, "theme");

    public static string Fixture(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Site.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Site.sln not found above " + AppContext.BaseDirectory);
    }
}
