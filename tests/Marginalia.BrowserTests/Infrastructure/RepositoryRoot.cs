namespace Marginalia.BrowserTests.Infrastructure;

internal static class RepositoryRoot
{
    private const string Marker = "Site.sln";

    /// <summary>
    /// The folder holding Site.sln, found from the test assembly's folder so the tests run the same from an IDE,
    /// from <c>dotnet test</c> and from a fresh CI clone, whatever the current directory is.
    /// </summary>
    public static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, Marker)))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No {Marker} in {AppContext.BaseDirectory} or any folder above it.");
    }
}
