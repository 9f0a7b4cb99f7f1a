using System.Diagnostics;
using System.Runtime.Versioning;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Repository;

/// <summary>
/// The <c>./marginalia</c> launcher, run on a small copy of the repository's layout with a stand-in for dotnet
/// (MARGINALIA_DOTNET) that logs each call: a real build takes a minute, and what is tested here is the launcher's
/// own logic: when it builds, what it passes on, what it does when the build fails.
/// </summary>
[UnsupportedOSPlatform("windows")] // each test skips itself there: the launcher is a bash script
public sealed class LauncherTests : IDisposable
{
    // Logs every call; `publish` writes the DLL into the -o folder (or fails with FAKE_FAIL); running the DLL prints
    // where and how it was run and exits 3, so the test sees the exit code kept.
    private const string FakeDotnet = """
        #!/usr/bin/env bash
        echo "$*" >>"$FAKE_LOG"
        case "$1" in
          --info) echo " RID:         linux-x64" ;;
          publish)
            # FAKE_MISSING: the package a way of publishing needs cannot be restored (NuGet's NU1101), for the ways
            # whose arguments hold that text.
            if [[ -n ${FAKE_MISSING:-} && " $* " == *" $FAKE_MISSING "* ]]; then
              echo "/repo/src/Marginalia.Cli/Marginalia.Cli.csproj : error NU1101: Unable to find package Microsoft.NETCore.App.Runtime.linux-x64."
              exit 1
            fi
            if [[ -n ${FAKE_FAIL:-} ]]; then
              echo "/repo/src/Marginalia/Thing.cs(3,1): error CS1002: ; expected [/repo/src/Marginalia/Marginalia.csproj]"
              echo "Build FAILED."
              echo "/repo/src/Marginalia/Thing.cs(3,1): error CS1002: ; expected [/repo/src/Marginalia/Marginalia.csproj]"
              exit 1
            fi
            while (($#)); do [[ $1 == -o ]] && out=$2; shift; done
            mkdir -p "$out" && touch "$out/Marginalia.Cli.dll" ;;
          *) dll=$1; shift; echo "ran $(basename "$dll") in $PWD as '$MARGINALIA_COMMAND' with: $*"; exit 3 ;;
        esac
        """;

    private readonly string _repo = Directory.CreateTempSubdirectory("marginalia-launcher-").FullName;

    public LauncherTests()
    {
        File.Copy(Path.Combine(RepoPaths.Root, "marginalia"), Path.Combine(_repo, "marginalia"));
        Write("src/Marginalia.Cli/Marginalia.Cli.csproj", "<Project />");
        Write("src/Marginalia/Thing.cs", "class Thing { }");
        Directory.CreateDirectory(Path.Combine(_repo, "src/Marginalia/obj")); // as after any dotnet build or test
        Write("Directory.Build.props", "<Project />");
        Write("Directory.Packages.props", "<Project />");
        Write("global.json", "{}");
        Write("input/essay.md", "# Essay");
        Directory.CreateDirectory(Path.Combine(_repo, "work"));
        Write("fake-dotnet", FakeDotnet.ReplaceLineEndings("\n") + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(_repo, "fake-dotnet"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    private string Log => Path.Combine(_repo, "dotnet.log");

    private int Publishes => File.Exists(Log) ? File.ReadAllLines(Log).Count(l => l.StartsWith("publish ", StringComparison.Ordinal)) : 0;

    private void Write(string path, string text)
    {
        var full = Path.Combine(_repo, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    /// <summary>Runs <paramref name="command"/> in bash from <paramref name="folder"/> of the copy, as a contributor types it.</summary>
    private (int Exit, string Out, string Error) Run(string command, string folder = ".", bool failBuild = false, string missing = "")
    {
        var start = new ProcessStartInfo("bash", ["-c", command])
        {
            WorkingDirectory = Path.Combine(_repo, folder),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["MARGINALIA_DOTNET"] = Path.Combine(_repo, "fake-dotnet");
        start.Environment["FAKE_LOG"] = Log;
        start.Environment["FAKE_FAIL"] = failBuild ? "1" : string.Empty;
        start.Environment["FAKE_MISSING"] = missing;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }

    /// <summary>Puts every file of the copy, and then the build's stamp, in the past, so a change made now is newer than the build.</summary>
    private void AgeEverything()
    {
        var old = DateTime.UtcNow.AddHours(-2);
        foreach (var entry in new DirectoryInfo(_repo).EnumerateFileSystemInfos("*", SearchOption.AllDirectories).Prepend(new DirectoryInfo(_repo)))
        {
            entry.LastWriteTimeUtc = old;
        }

        File.SetLastWriteTimeUtc(Path.Combine(_repo, ".marginalia/cli/.built-from-sources"), old.AddHours(1));
    }

    [SkippableFact]
    public void The_launcher_is_an_executable_bash_script_at_the_repository_root()
    {
        Skip.If(OperatingSystem.IsWindows(), "the launcher is a bash script");
        var path = Path.Combine(RepoPaths.Root, "marginalia");

        Assert.StartsWith("#!/usr/bin/env bash\n", File.ReadAllText(path), StringComparison.Ordinal);
        var mode = File.GetUnixFileMode(path);
        Assert.Equal(UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute,
            mode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute));
        Assert.Contains("/.marginalia/", File.ReadAllLines(Path.Combine(RepoPaths.Root, ".gitignore")));
    }

    [SkippableFact]
    public void The_first_run_builds_once_then_runs_the_CLI_in_the_users_folder_with_every_argument_and_its_exit_code()
    {
        Skip.If(OperatingSystem.IsWindows(), "the launcher is a bash script");

        var (exit, output, error) = Run("../marginalia check --input 'my input' --quiet", "work");

        Assert.Equal(3, exit);
        Assert.Equal(1, Publishes);
        Assert.StartsWith("Building the marginalia command once", error, StringComparison.Ordinal);
        Assert.Equal($"ran Marginalia.Cli.dll in {Path.Combine(_repo, "work")} as '../marginalia' with: check --input my input --quiet\n", output);
        var publish = File.ReadAllLines(Log).Single(l => l.StartsWith("publish ", StringComparison.Ordinal));
        Assert.Contains("-c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -p:PublishTrimmed=true -p:ReadyToRunThisMachine=true -p:PublishAot=false", publish, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("--self-contained true", "-c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -p:ReadyToRunThisMachine=true -p:PublishAot=false")]
    [InlineData("-r linux-x64", "-c Release -p:PublishAot=false")]
    public void A_package_that_cannot_be_restored_makes_it_publish_the_next_way_and_run_that(string missingFor, string lastPublish)
    {
        Skip.If(OperatingSystem.IsWindows(), "the launcher is a bash script");

        var (exit, output, _) = Run("./marginalia check", missing: missingFor);

        Assert.Equal(3, exit);
        Assert.StartsWith("ran Marginalia.Cli.dll", output, StringComparison.Ordinal);
        var publishes = File.ReadAllLines(Log).Where(l => l.StartsWith("publish ", StringComparison.Ordinal)).ToList();
        Assert.Contains("--self-contained true", publishes[0], StringComparison.Ordinal);
        Assert.Contains(lastPublish, publishes[^1], StringComparison.Ordinal);
        Assert.Equal(lastPublish.Contains("-r ", StringComparison.Ordinal) ? 2 : 3, publishes.Count);
    }

    [SkippableFact]
    public void A_second_run_with_nothing_changed_does_not_build_and_prints_nothing_of_its_own()
    {
        Skip.If(OperatingSystem.IsWindows(), "the launcher is a bash script");
        Run("./marginalia --help");
        AgeEverything();

        var (exit, output, error) = Run("./marginalia new annotation --quote 'a b'");

        Assert.Equal(3, exit);
        Assert.Equal(1, Publishes);
        Assert.Equal(string.Empty, error);
        Assert.EndsWith("as './marginalia' with: new annotation --quote a b\n", output, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("./marginalia", ".", "./marginalia")]
    [InlineData("../marginalia", "work", "../marginalia")]
    [InlineData("bash marginalia", ".", "./marginalia")]
    [InlineData("$REPO/marginalia", "work", "$REPO/marginalia")]
    [InlineData("ln -s $REPO/marginalia bin/marginalia && PATH=$REPO/work/bin:$PATH marginalia", "work", "marginalia")]
    public void The_CLI_is_told_the_command_as_typed_and_finds_the_repository_through_a_link(string typed, string folder, string expected)
    {
        Skip.If(OperatingSystem.IsWindows(), "the launcher is a bash script");
        Directory.CreateDirectory(Path.Combine(_repo, "work", "bin"));

        var (exit, output, error) = Run(typed.Replace("$REPO", _repo, StringComparison.Ordinal) + " check", folder);

        Assert.True(exit == 3, error);
        Assert.Equal($"ran Marginalia.Cli.dll in {Path.GetFullPath(Path.Combine(_repo, folder))} as '{expected.Replace("$REPO", _repo, StringComparison.Ordinal)}' with: check\n", output);
    }

    [SkippableTheory]
    [InlineData("edit", "src/Marginalia/Thing.cs", true)]
    [InlineData("add", "src/Marginalia/Scaffolding/New.cs", true)]
    [InlineData("delete", "src/Marginalia/Thing.cs", true)]
    [InlineData("edit", "src/Marginalia.Cli/Marginalia.Cli.csproj", true)]
    [InlineData("edit", "Directory.Build.props", true)]
    [InlineData("edit", "Directory.Packages.props", true)]
    [InlineData("edit", "global.json", true)]
    [InlineData("edit", "marginalia", true)]
    [InlineData("add", "src/Marginalia/obj/Debug/Thing.dll", false)]
    [InlineData("edit", "input/essay.md", false)]
    [InlineData("add", "input/annotations/note.md", false)]
    public void It_builds_again_exactly_when_something_the_CLI_is_built_from_changed(string change, string path, bool builds)
    {
        Skip.If(OperatingSystem.IsWindows(), "the launcher is a bash script");
        Run("./marginalia check");
        AgeEverything();

        var full = Path.Combine(_repo, path);
        switch (change)
        {
            case "delete":
                File.Delete(full);
                break;
            case "edit":
                File.AppendAllText(full, "\n");
                break;
            default:
                Write(path, "new");
                break;
        }

        var (exit, _, error) = Run("./marginalia check");

        Assert.Equal(3, exit);
        Assert.Equal(builds ? 2 : 1, Publishes);
        Assert.Equal(builds, error.StartsWith("Building the marginalia command once", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void A_failed_build_prints_each_compiler_error_once_exits_1_and_runs_nothing()
    {
        Skip.If(OperatingSystem.IsWindows(), "the launcher is a bash script");

        var (exit, output, error) = Run("./marginalia check", failBuild: true);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines, l => l.Contains("error CS1002: ; expected", StringComparison.Ordinal));
        Assert.StartsWith("The marginalia command could not be built (the whole log: ", lines[^1], StringComparison.Ordinal);

        // The next run tries again instead of running a half-built CLI.
        var (again, _, _) = Run("./marginalia check");
        Assert.Equal(3, again);
        Assert.Equal(2, Publishes);
    }
}
