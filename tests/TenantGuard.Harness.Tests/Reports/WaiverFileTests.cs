using TenantGuard.Harness.Waivers;

namespace TenantGuard.Harness.Tests.Reports;

public sealed class WaiverFileTests
{
    [Fact]
    public void Waivers_are_read_with_their_reasons()
    {
        var waivers = WaiverFile.Parse("""
            {
              // comments are allowed
              "waivers": [
                { "rule": "TG1003", "object": "public.docs", "reason": "Sharing is a feature." },
                { "rule": "TG1014", "object": "public.*", "reason": "Global slugs." }
              ]
            }
            """, "tenantguard.json");

        Assert.Equal([new Waiver("TG1003", "public.docs", "Sharing is a feature."), new Waiver("TG1014", "public.*", "Global slugs.")], waivers);
    }

    [Fact]
    public void Malformed_json_names_the_file_and_line()
    {
        var error = Assert.Throws<HarnessException>(() => WaiverFile.Parse("{\n  \"waivers\": [\n    { \"rule\": \"TG1003\" \"object\": \"x\" }\n  ]\n}", "/m/tenantguard.json"));

        Assert.StartsWith("/m/tenantguard.json:3: not valid JSON", error.Message);
    }

    [Fact]
    public void A_waiver_without_a_reason_is_refused()
    {
        var error = Assert.Throws<HarnessException>(() => WaiverFile.Parse("""{"waivers":[{"rule":"TG1003","object":"public.docs"}]}""", "tenantguard.json"));

        Assert.Equal("tenantguard.json: waiver #1 (TG1003 public.docs): needs a \"reason\" saying why the finding is acceptable.", error.Message);
    }

    [Fact]
    public void A_file_without_a_waivers_array_is_refused()
    {
        var error = Assert.Throws<HarnessException>(() => WaiverFile.Parse("""{"waiver":[]}""", "tenantguard.json"));

        Assert.Contains("expected an object with a \"waivers\" array", error.Message);
    }

    [Theory]
    [InlineData("""{"waivers":[{"rule":"TG1003","object":"public.docs","reason":"r","expires":"2027-01-01"}]}""", "waiver #1 has an unknown property \"expires\"")]
    [InlineData("""{"waivers":[],"tenantTable":["public.settings"]}""", "the file has an unknown property \"tenantTable\"")]
    [InlineData("""{"waivers":[{"rule":"1003","object":"public.docs","reason":"r"}]}""", "\"rule\" must be a rule ID such as TG1003")]
    public void Misspelt_keys_and_rule_ids_are_refused(string json, string expected)
    {
        var error = Assert.Throws<HarnessException>(() => WaiverFile.ParseConfig(json, "tenantguard.json"));

        Assert.StartsWith("tenantguard.json: ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Tenant_tables_without_the_tenant_column_can_be_listed()
    {
        var config = WaiverFile.ParseConfig("""{"tenantTables":["public.settings"]}""", "tenantguard.json");

        Assert.Equal(["public.settings"], config.TenantTables);
        Assert.Empty(config.Waivers);
    }

    [Fact]
    public void Settings_are_read_with_paths_relative_to_the_file()
    {
        var config = WaiverFile.ParseConfig("""
            { "migrations": "db/migrations", "layout": "Flyway", "appRole": "web", "tenantColumn": "org_id",
              "tenantSetting": "app.org", "migrationsAsSuperuser": true, "seedSql": "seed.sql", "http": "../api/http.json" }
            """, "/repo/tenantguard.json");

        Assert.Equal("/repo/tenantguard.json", config.Path);
        Assert.Equal("/repo/db/migrations", config.Migrations);
        Assert.Equal(Harness.Migrations.MigrationLayout.Flyway, config.Layout);
        Assert.Equal(("web", "org_id", "app.org", true), (config.AppRole, config.TenantColumn, config.TenantSetting, config.MigrationsAsSuperuser));
        Assert.Equal("/repo/seed.sql", config.SeedSql);
        Assert.Equal("/api/http.json", config.Http);
    }

    [Fact]
    public void Settings_left_out_are_left_to_the_caller()
    {
        var config = WaiverFile.ParseConfig("""{"waivers":[]}""", "/repo/tenantguard.json");

        // Only the lists and the file differ from a config with nothing set.
        Assert.Equal(TenantGuardConfig.Empty with { Waivers = config.Waivers, TenantTables = config.TenantTables, Path = config.Path }, config);
    }

    [Theory]
    [InlineData("""{"appRole":""}""", "\"appRole\" must be a non-empty string")]
    [InlineData("""{"migrations":3}""", "\"migrations\" must be a non-empty string")]
    [InlineData("""{"layout":"liquibase"}""", "\"layout\" liquibase is not a migration layout; use one of flat, recursive")]
    [InlineData("""{"migrationsAsSuperuser":"yes"}""", "\"migrationsAsSuperuser\" must be true or false")]
    [InlineData("""{"appRole":"web","appRoles":"web"}""", "the file has an unknown property \"appRoles\"")]
    public void Malformed_settings_are_refused(string json, string expected)
    {
        var error = Assert.Throws<HarnessException>(() => WaiverFile.ParseConfig(json, "tenantguard.json"));

        Assert.StartsWith("tenantguard.json: ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task A_file_above_the_migrations_that_names_them_is_theirs_and_one_naming_others_is_not()
    {
        using var root = new Infrastructure.TemporaryDirectory();
        var db = Directory.CreateDirectory(Path.Combine(root.Path, "db")).FullName;
        var other = Directory.CreateDirectory(Path.Combine(root.Path, "other")).FullName;
        await File.WriteAllTextAsync(Path.Combine(root.Path, "tenantguard.json"), """{ "migrations": "db/", "appRole": "web" }""");

        var named = await WaiverFile.LoadConfigForMigrationsAsync(db);
        var unnamed = await WaiverFile.LoadConfigForMigrationsAsync(other);

        Assert.Equal(("web", Path.Combine(root.Path, "tenantguard.json")), (named.AppRole, named.Path));
        Assert.Same(TenantGuardConfig.Empty, unnamed);
    }

    [Fact]
    public async Task A_migrations_folder_without_a_waiver_file_has_no_waivers()
    {
        var folder = Directory.CreateTempSubdirectory("tenantguard-waivers-").FullName;
        try
        {
            Assert.Empty(await WaiverFile.LoadForMigrationsAsync(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
