namespace Marginalia.Benchmarks;

/// <summary>Finds the repository (the folder holding Site.sln), so the benchmarks read the real input/ and theme/.</summary>
internal static class RepoRoot
{
    private const string Marker = "Site.sln";

    public static string Locate()
    {
        // BenchmarkDotNet runs each benchmark in a child process built under bin/, whose working directory may differ
        // from the one `dotnet run` was started in, so try both the current directory and the assembly's folder.
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, Marker)))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException($"no {Marker} above '{Directory.GetCurrentDirectory()}' or '{AppContext.BaseDirectory}'; run from inside the repository");
    }
}
