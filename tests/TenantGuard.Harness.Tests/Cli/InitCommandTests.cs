using TenantGuard.Harness.Tests.Infrastructure;
using TenantGuard.Harness.Waivers;
using YamlDotNet.RepresentationModel;

namespace TenantGuard.Harness.Tests.Cli;

/// <summary>`tenantguard init` on a small repository written here, each run on its own embedded server.</summary>
public sealed class InitCommandTests : IDisposable
{
    private const string Schema = """
        CREATE ROLE web_backend NOLOGIN;
        CREATE TABLE orgs (id uuid PRIMARY KEY, name text NOT NULL);
        CREATE TABLE projects (org_id uuid NOT NULL REFERENCES orgs (id), id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text);
        CREATE TABLE notes (org_id uuid NOT NULL, id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text, author_account_id uuid);
        ALTER TABLE projects ENABLE ROW LEVEL SECURITY;
        ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
        CREATE POLICY projects_org ON projects USING (org_id = current_setting('app.org_id')::uuid);
        CREATE POLICY notes_org ON notes USING (org_id = current_setting('app.org_id')::uuid);
        GRANT SELECT, INSERT, UPDATE, DELETE ON projects, notes TO web_backend;

        """;

    private const string SecondRole = """
        CREATE ROLE reporting NOLOGIN;
        GRANT SELECT ON projects, notes TO reporting;
        """;

    private readonly TemporaryDirectory _repository = new();

    public InitCommandTests()
    {
        Directory.CreateDirectory(Path.Combine(_repository.Path, ".git"));
        Directory.CreateDirectory(Migrations);
    }

    private string Migrations => Path.Combine(_repository.Path, "db", "migrations");

    private string Workflow => Path.Combine(_repository.Path, ".github", "workflows", "tenantguard.yml");

    private string Config => Path.Combine(Migrations, "tenantguard.json");

    public void Dispose() => _repository.Dispose();

    [Fact]
    public async Task Detects_column_role_and_setting_and_writes_the_config_and_a_workflow_running_check_with_them()
    {
        await File.WriteAllTextAsync(Path.Combine(Migrations, "001_schema.sql"), Schema);

        var result = await CliRun.RunAsync("init", "--migrations", Migrations);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("tenant column:  org_id: org_id is on 2 of 3 table(s)", result.Stdout);
        Assert.Contains("app role:       web_backend, inferred", result.Stdout);
        Assert.Contains("tenant setting: app.org_id: the setting the policies compare org_id with", result.Stdout);
        Assert.Contains("[*.cs]\ntenantguard.tenant_column = org_id\n", result.Stdout.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("TODO", result.Stdout);

        var config = await WaiverFile.LoadConfigForMigrationsAsync(Migrations);
        Assert.Empty(config.Waivers);
        Assert.Contains("\"$schema\": \"https://github.com/tenantguard/tenantguard/blob/main/docs/tenantguard.schema.json\"", await File.ReadAllTextAsync(Config));

        var check = CheckStep(out var upload);
        Assert.Equal(
            "tenantguard check --migrations db/migrations --tenant-column org_id --app-role web_backend --tenant-setting app.org_id " +
            "--format sarif --output tenantguard.sarif --summary \"$GITHUB_STEP_SUMMARY\"",
            check);
        Assert.Equal("tenantguard", ((YamlScalarNode)((YamlMappingNode)upload["with"])["category"]).Value);
        Assert.Equal("always()", ((YamlScalarNode)upload["if"]).Value);
    }

    [Fact]
    public async Task Several_candidate_app_roles_are_a_todo_in_the_workflow_not_a_guess()
    {
        await File.WriteAllTextAsync(Path.Combine(Migrations, "001_schema.sql"), Schema + SecondRole);

        var result = await CliRun.RunAsync("init", "--migrations", Migrations);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("several roles could be it (reporting, web_backend); set APP_ROLE in the workflow", result.Stdout);
        var workflow = await File.ReadAllTextAsync(Workflow);
        Assert.Contains("# TODO: the role your application connects as, one of: reporting, web_backend", workflow);
        Assert.Contains("APP_ROLE: ''", workflow);
        Assert.Contains("--app-role \"$APP_ROLE\"", CheckStep(out _));
        Assert.DoesNotContain("--app-role web_backend", workflow);
        Assert.DoesNotContain("--app-role reporting", workflow);
    }

    [Fact]
    public async Task Existing_files_are_never_overwritten_without_force()
    {
        await File.WriteAllTextAsync(Path.Combine(Migrations, "001_schema.sql"), Schema);
        Directory.CreateDirectory(Path.GetDirectoryName(Workflow)!);
        await File.WriteAllTextAsync(Workflow, "# ours\n");

        var refused = await CliRun.RunAsync("init", "--migrations", Migrations);

        Assert.True(refused.ExitCode == 2, refused.ToString());
        Assert.Equal($"error: {Workflow} already exists; pass --force to overwrite it (nothing was written).\n", refused.Stderr.ReplaceLineEndings("\n"));
        Assert.Equal("# ours\n", await File.ReadAllTextAsync(Workflow));
        Assert.False(File.Exists(Config));

        var forced = await CliRun.RunAsync("init", "--migrations", Migrations, "--force");

        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Contains("tenantguard check", await File.ReadAllTextAsync(Workflow));
    }

    [Fact]
    public async Task A_missing_migrations_folder_is_one_error_line()
    {
        var result = await CliRun.RunAsync("init", "--migrations", Path.Combine(_repository.Path, "nowhere"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("error: ", result.Stderr);
        Assert.Contains("no migrations folder or script there", result.Stderr);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
    }

    /// <summary>The workflow as GitHub reads it: the check step's command line (its folded scalar joined), and the upload step.</summary>
    private string CheckStep(out YamlMappingNode upload)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Workflow))
            yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var steps = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)root["jobs"])["tenant-isolation"])["steps"];
        var mappings = steps.Children.Cast<YamlMappingNode>().ToList();
        upload = mappings.Single(s => s.Children.TryGetValue("uses", out var uses) && ((YamlScalarNode)uses).Value!.StartsWith("github/codeql-action/upload-sarif", StringComparison.Ordinal));
        var check = mappings.Single(s => s.Children.TryGetValue("name", out var name) && ((YamlScalarNode)name).Value == "Audit and attacks");
        return ((YamlScalarNode)check["run"]).Value!;
    }
}
