using System.Text.RegularExpressions;
using TenantGuard.Harness.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace TenantGuard.Harness.Tests.Cli;

/// <summary>action.yml at the repository root, read as GitHub reads it (no runner here): its inputs, the inputs its
/// steps use, and the steps that make it what the docs say.</summary>
public sealed class GitHubActionTests
{
    private static readonly string Root = Path.GetDirectoryName(Path.GetDirectoryName(RepositoryFolder.Find("harness/TenantGuard.Cli"))!)!;
    private static readonly string Text = File.ReadAllText(Path.Combine(Root, "action.yml"));
    private static readonly YamlMappingNode Action = Load(Text);

    [Fact]
    public void Every_input_a_step_uses_is_declared_and_every_declared_input_is_used()
    {
        var declared = Inputs.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToHashSet();
        var used = Regex.Matches(Text, @"\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}").Select(m => m.Groups[1].Value).ToHashSet();

        Assert.Equal(["app-role", "args", "migrations", "sarif-category", "tenant-column", "version"], declared.Order());
        Assert.Subset(declared, used);
        Assert.Superset(declared, used);
    }

    [Fact]
    public void Migrations_is_required_and_the_sarif_category_defaults_to_tenantguard()
    {
        Assert.Equal("true", Scalar((YamlMappingNode)Inputs["migrations"], "required"));
        Assert.Equal("tenantguard", Scalar((YamlMappingNode)Inputs["sarif-category"], "default"));
    }

    [Fact]
    public void A_composite_action_whose_run_steps_name_their_shell()
    {
        var runs = (YamlMappingNode)Action["runs"];
        Assert.Equal("composite", Scalar(runs, "using"));
        Assert.All(Steps.Where(s => s.Children.ContainsKey("run")), step => Assert.Equal("bash", Scalar(step, "shell")));
    }

    [Fact]
    public void Check_runs_once_from_the_actions_own_source_writing_sarif_and_the_job_summary()
    {
        var check = Steps.Single(s => s.Children.ContainsKey("id") && Scalar(s, "id") == "check");
        var script = Scalar(check, "run");

        Assert.Contains("dotnet run -c Release --no-build --project \"$GITHUB_ACTION_PATH/harness/TenantGuard.Cli\"", script);
        Assert.Contains("check --migrations \"$MIGRATIONS\" --format sarif --output \"$SARIF_FILE\" --summary \"$GITHUB_STEP_SUMMARY\"", script);
        Assert.True(File.Exists(Path.Combine(Root, "harness", "TenantGuard.Cli", "TenantGuard.Cli.csproj")));
    }

    [Fact]
    public void The_sarif_is_uploaded_even_when_check_fails_under_the_chosen_category()
    {
        var upload = Steps.Single(s => s.Children.ContainsKey("uses") && Scalar(s, "uses") == "github/codeql-action/upload-sarif@v3");

        Assert.Equal("always()", Scalar(upload, "if"));
        var with = (YamlMappingNode)upload["with"];
        Assert.Equal("${{ inputs.sarif-category }}", Scalar(with, "category"));
        Assert.Equal("${{ runner.temp }}/tenantguard.sarif", Scalar(with, "sarif_file"));
        Assert.Contains("SARIF_FILE: ${{ runner.temp }}/tenantguard.sarif", Text);
    }

    private static YamlMappingNode Inputs => (YamlMappingNode)Action["inputs"];

    private static IReadOnlyList<YamlMappingNode> Steps =>
        ((YamlSequenceNode)((YamlMappingNode)Action["runs"])["steps"]).Children.Cast<YamlMappingNode>().ToList();

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;

    private static YamlMappingNode Load(string text)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }
}
