using Marginalia.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Marginalia.Tests.Repository;

/// <summary>The pull-request workflow contributors rely on: valid YAML with the steps CONTRIBUTING.md promises.</summary>
public class WorkflowTests
{
    private static YamlMappingNode Workflow()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(RepoPaths.Root, ".github", "workflows", "site.yml"))));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    [Fact]
    public void The_workflow_runs_on_pull_requests_and_pushes_to_main()
    {
        var on = (YamlMappingNode)Workflow().Children[new YamlScalarNode("on")];

        Assert.True(on.Children.ContainsKey(new YamlScalarNode("pull_request")));
        Assert.Equal("main", ((YamlSequenceNode)((YamlMappingNode)on.Children[new YamlScalarNode("push")]).Children[new YamlScalarNode("branches")]).Children[0].ToString());
    }

    private static List<YamlMappingNode> Steps()
    {
        var job = (YamlMappingNode)((YamlMappingNode)Workflow().Children[new YamlScalarNode("jobs")]).Children[new YamlScalarNode("site")];
        return [.. ((YamlSequenceNode)job.Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>()];
    }

    private static string? Field(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value.ToString() : null;

    [Fact]
    public void The_job_runs_as_root_in_a_Debian_container_because_ci_run_installs_Debian_packages()
    {
        var job = (YamlMappingNode)((YamlMappingNode)Workflow().Children[new YamlScalarNode("jobs")]).Children[new YamlScalarNode("site")];
        var container = (YamlMappingNode)job.Children[new YamlScalarNode("container")];

        Assert.Matches("^debian:(bookworm|trixie|12|13)", Field(container, "image"));
        Assert.False(container.Children.ContainsKey(new YamlScalarNode("options")), "no --user option: .ci/run needs root");
    }

    [Fact]
    public void The_workflow_runs_ci_run_itself_under_CI_with_the_conformance_suite_it_fetched_at_a_pinned_commit()
    {
        var steps = Steps();
        var env = (YamlMappingNode)Workflow().Children[new YamlScalarNode("env")];
        var ci = steps.Single(s => Field(s, "run") == "bash .ci/run");
        var ciEnv = (YamlMappingNode)ci.Children[new YamlScalarNode("env")];
        var suite = Field(ciEnv, "MARGINALIA_CONFORMANCE_SUITE")!;
        var fetch = steps.Single(s => Field(s, "run")?.Contains("$CONFORMANCE_SUITE_COMMIT", StringComparison.Ordinal) == true);

        Assert.Equal("true", Field(ciEnv, "CI"));
        Assert.Matches("^[0-9a-f]{40}$", Field(env, "CONFORMANCE_SUITE_COMMIT"));
        Assert.Equal("https://github.com/w3c/web-annotation-tests", Field(env, "CONFORMANCE_SUITE_REPOSITORY"));
        Assert.Contains($"git -C {suite} checkout -q FETCH_HEAD", Field(fetch, "run"), StringComparison.Ordinal);
        Assert.True(steps.IndexOf(fetch) < steps.IndexOf(ci));
        Assert.True(steps.FindIndex(s => Field(s, "uses") == "actions/checkout@v4") < steps.IndexOf(ci));
    }

    [Fact]
    public void Ci_run_checks_the_input_then_runs_the_README_s_test_command()
    {
        var script = File.ReadAllText(Path.Combine(RepoPaths.Root, ".ci", "run"));
        var readme = File.ReadAllLines(Path.Combine(RepoPaths.Root, "README.md"));
        var testCommand = readme.SkipWhile(l => l != "```sh").Skip(1).TakeWhile(l => l != "```").ElementAt(1).Split('#')[0].Trim();

        var check = script.IndexOf("dotnet run --project src/Marginalia.Cli -- check", StringComparison.Ordinal);
        var test = script.IndexOf(testCommand + " --logger", StringComparison.Ordinal);
        Assert.Equal("dotnet test Site.sln", testCommand);
        Assert.InRange(check, 0, test);
    }

    [Fact]
    public void After_the_tests_the_site_is_built_uploaded_and_its_deploy_preview_linked()
    {
        var steps = Steps();
        var ci = steps.FindIndex(s => Field(s, "run") == "bash .ci/run");
        var build = steps.FindIndex(s => Field(s, "run")?.EndsWith("-- build", StringComparison.Ordinal) == true);
        var upload = steps.FindIndex(s => Field(s, "uses") == "actions/upload-artifact@v4");
        var preview = steps.FindIndex(s => Field(s, "run")?.Contains("deploy-preview-${PULL_REQUEST}--", StringComparison.Ordinal) == true);

        Assert.True(ci < build && build < upload && upload < preview, $"order: ci {ci}, build {build}, upload {upload}, preview {preview}");
        Assert.Contains("GITHUB_STEP_SUMMARY", Field(steps[preview], "run"), StringComparison.Ordinal);
    }
}
