using Marginalia.Cli;

namespace Marginalia.Tests.Cli;

/// <summary>How the CLI names itself in hints, from the launcher's MARGINALIA_COMMAND or from where its files are.</summary>
public class InvocationTests
{
    private static readonly string Repo = Directory.CreateTempSubdirectory("marginalia-invocation-").FullName;

    static InvocationTests()
    {
        var project = Path.Combine(Repo, "src", "Marginalia.Cli");
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "Marginalia.Cli.csproj"), "<Project />");
    }

    private static string At(string relative) => Path.Combine([Repo, .. relative.Split('/')]);

    [Theory]
    [InlineData("./marginalia", "src/Marginalia.Cli/bin/Debug/net10.0", "", "./marginalia")]
    [InlineData("../marginalia", ".marginalia/cli", "input", "../marginalia")]
    [InlineData("  ./marginalia ", ".marginalia/cli", "", "./marginalia")]
    public void The_launchers_announcement_wins(string announced, string binaries, string folder, string expected) =>
        Assert.Equal(expected, Invocation.Detect(announced, At(binaries), At(folder)).Text);

    [Theory]
    [InlineData("src/Marginalia.Cli/bin/Debug/net10.0/", "", "dotnet run --project src/Marginalia.Cli --")]
    [InlineData("src/Marginalia.Cli/bin/Release/net10.0/linux-x64", "", "dotnet run --project src/Marginalia.Cli --")]
    [InlineData("src/Marginalia.Cli/bin/Debug/net10.0", "input/annotations", "dotnet run --project ../../src/Marginalia.Cli --")]
    [InlineData("src/Marginalia.Cli/bin/Debug/net10.0", "src/Marginalia.Cli", "dotnet run --project . --")]
    public void Run_from_the_projects_bin_folder_it_names_dotnet_run_relative_to_the_users_folder(string binaries, string folder, string expected) =>
        Assert.Equal(expected.Replace('/', Path.DirectorySeparatorChar), Invocation.Detect(null, At(binaries), At(folder)).Text.Replace('/', Path.DirectorySeparatorChar));

    [Theory]
    [InlineData("/home/jdoe/.dotnet/tools/.store/marginalia.cli/1.0.0/marginalia.cli/1.0.0/tools/net10.0/any", "marginalia")]
    [InlineData("/home/jdoe/.nuget/packages/marginalia.cli/1.0.0/tools/net10.0/any", "dotnet marginalia")]
    [InlineData("/opt/marginalia", "marginalia")]
    [InlineData("/home/jdoe/other/bin/Debug/net10.0", "marginalia")] // a bin folder, but not the CLI project's
    public void Installed_or_published_it_names_the_tool(string binaries, string expected) =>
        Assert.Equal(expected, Invocation.Detect("", binaries, Repo).Text);
}
