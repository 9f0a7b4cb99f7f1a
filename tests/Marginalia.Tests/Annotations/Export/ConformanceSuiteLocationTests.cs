namespace Marginalia.Tests.Annotations.Export;

/// <summary>The suite is found through MARGINALIA_CONFORMANCE_SUITE, with the shared folder beside the repository as default.</summary>
public sealed class ConformanceSuiteLocationTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "repo");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Without_the_setting_the_suite_is_the_shared_folder_beside_the_repository(string? setting) =>
        Assert.Equal(Path.Combine(Path.GetTempPath(), "shared", "conformance", "w3c-web-annotation"), ConformanceSuite.Locate(setting, Root));

    [Fact]
    public void An_absolute_setting_is_used_as_it_is() =>
        Assert.Equal("/opt/w3c/web-annotation-tests", ConformanceSuite.Locate("/opt/w3c/web-annotation-tests", Root));

    [Fact]
    public void A_relative_setting_is_taken_from_the_repository() =>
        Assert.Equal(Path.Combine(Root, "suite"), ConformanceSuite.Locate("suite", Root));

    [Fact]
    public void The_setting_s_name_is_the_one_the_workflow_sets()
    {
        var workflow = File.ReadAllText(Path.Combine(Support.RepoPaths.Root, ".github", "workflows", "site.yml"));
        Assert.Contains(ConformanceSuite.Setting + ":", workflow, StringComparison.Ordinal);
    }
}
