namespace Marginalia.Tests.Support;

/// <summary>The repository's site, built once into a temp folder and shared by a test class.</summary>
public sealed class BuiltSite : IDisposable
{
    private readonly TempSite _site = TempSite.CopyOfRepository();

    public BuiltSite()
    {
        var result = _site.BuildAsync().GetAwaiter().GetResult();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
    }

    public string OutputDir => _site.OutputDir;

    public string Read(string relative) => File.ReadAllText(Path.Combine(_site.OutputDir, relative));

    public void Dispose() => _site.Dispose();
}
