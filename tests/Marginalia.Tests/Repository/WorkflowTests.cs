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

    [Fact]
    public void The_steps_set_up_dotnet_check_on_the_diff_test_build_and_upload_the_site()
    {
        var job = (YamlMappingNode)((YamlMappingNode)Workflow().Children[new YamlScalarNode("jobs")]).Children[new YamlScalarNode("site")];
        var steps = ((YamlSequenceNode)job.Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>().ToList();
        string? Field(YamlMappingNode step, string key) => step.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v.ToString() : null;

        var uses = steps.Select(s => Field(s, "uses")).OfType<string>().ToList();
        var runs = steps.Select(s => Field(s, "run")).OfType<string>().ToList();
        Assert.Contains("actions/setup-dotnet@v4", uses);
        Assert.Contains("actions/upload-artifact@v4", uses);
        Assert.Contains(runs, r => r.EndsWith("-- check --format github", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.StartsWith("dotnet test Site.sln", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.EndsWith("-- build", StringComparison.Ordinal));
        Assert.True(runs.FindIndex(r => r.Contains("check", StringComparison.Ordinal)) < runs.FindIndex(r => r.StartsWith("dotnet test", StringComparison.Ordinal)));
    }
}
