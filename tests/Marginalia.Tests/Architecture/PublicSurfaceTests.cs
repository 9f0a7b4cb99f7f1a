namespace Marginalia.Tests.Architecture;

/// <summary>
/// The library and the command export nothing: they are one application, not a published API, and the tests see their
/// internals (InternalsVisibleTo). A type made public again fails here, naming it. In the tests, a theory whose
/// parameters are internal types is an internal method (xunit runs non-public test methods), and the MemberData it
/// reads, which must be public, is typed as rows of objects.
/// </summary>
public class PublicSurfaceTests
{
    [Fact]
    public void The_library_exports_no_type()
    {
        var exported = typeof(Marginalia.Site.SiteBuilder).Assembly.GetExportedTypes();

        Assert.True(exported.Length == 0, "public types: " + string.Join(", ", exported.Select(t => t.FullName).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void The_command_exports_no_type()
    {
        var exported = typeof(Marginalia.Cli.CliApp).Assembly.GetExportedTypes();

        Assert.True(exported.Length == 0, "public types: " + string.Join(", ", exported.Select(t => t.FullName).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void The_library_is_found_by_the_type_the_test_names()
    {
        // Guards the two tests above: they must look at the assemblies that hold the code, not at an empty one
        Assert.Equal("Marginalia", typeof(Marginalia.Site.SiteBuilder).Assembly.GetName().Name);
        Assert.Equal("Marginalia.Cli", typeof(Marginalia.Cli.CliApp).Assembly.GetName().Name);
        Assert.True(typeof(Marginalia.Site.SiteBuilder).Assembly.GetTypes().Length > 200);
    }
}
