using System.CommandLine;
using System.CommandLine.Parsing;
using TenantGuard.Harness;
using TenantGuard.Harness.Migrations;
using TenantGuard.Harness.Reports;

namespace TenantGuard.Cli;

/// <summary>The one definition of every option more than one command takes. Each command gets its own instances
/// (an option belongs to one command's tree), made here so names, descriptions, defaults and checks never drift.</summary>
internal static class SharedOptions
{
    public static Option<string?> Migrations(bool required, string purpose) => NotEmpty(new Option<string?>("--migrations", "-m")
    {
        Description = $"Migrations folder (its layout detected, or given with --layout) or one EF Core script file, {purpose} " +
                      "(tenantguard.json next to them holds waivers and tenant tables).",
        Required = required,
    });

    public static Option<string?> Layout()
    {
        var option = new Option<string?>("--layout")
        {
            Description = $"How the migrations folder is laid out: {string.Join(", ", MigrationLayouts.Names)}. Detected when omitted.",
        };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (!MigrationLayouts.TryParse(value, out _))
                result.AddError($"--layout {value}: unknown migration layout; use one of {string.Join(", ", MigrationLayouts.Names)}.");
        });
        return option;
    }

    public static Option<string?> AppRole() => NotEmpty(new Option<string?>("--app-role")
    {
        Description = "The role the application connects as. Inferred when omitted: the one role besides the tables' owners that " +
                      "the migrations grant access to tenant tables (several or none: exit 2 with the candidates).",
    });

    public static Option<string?> TenantColumn() => NotEmpty(new Option<string?>("--tenant-column")
    {
        Description = "The column that says which tenant owns a row " +
                      $"(default: tenantguard.json's \"tenantColumn\", else {TenantIsolationEnvironmentBuilder.DefaultTenantColumn}).",
    });

    public static Option<string?> TenantSetting() => NotEmpty(new Option<string?>("--tenant-setting")
    {
        Description = "The setting the policies read (e.g. app.tenant_id); detected from the policies when omitted.",
    });

    public static Option<string[]> TenantTables() => NotEmpty(new Option<string[]>("--tenant-table")
    {
        Description = "A tenant-owned table without the tenant column (repeatable).",
        AllowMultipleArgumentsPerToken = false,
    });

    public static Option<string?> Connection() => NotEmpty(new Option<string?>("--connection")
    {
        Description = "Use an existing server (also TENANTGUARD_CONNECTION); a fresh database is created on it and dropped after.",
    });

    public static Option<bool> Docker() => new("--docker")
    {
        Description = "Start PostgreSQL in a container through Testcontainers instead of from local binaries.",
    };

    public static Option<bool> MigrationsAsSuperuser() => new("--migrations-as-superuser")
    {
        Description = "Run the migrations as the superuser (for migrations that create BYPASSRLS roles or LEAKPROOF functions, as Supabase's do).",
    };

    public static Option<string?> SeedSql() => NotEmpty(new Option<string?>("--seed-sql")
    {
        Description = "SQL run once per synthetic tenant after the seeder's own rows, for tables the seeder cannot fill; {{tenant}} is the tenant's value.",
    });

    public static Option<int> Tenants()
    {
        var option = new Option<int>("--tenants")
        {
            Description = "Synthetic tenants to create (at least 2).",
            DefaultValueFactory = _ => AttackArguments.DefaultTenants,
        };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < 2)
                result.AddError($"--tenants must be at least 2 (an attacker and a victim); got {value}.");
        });
        return option;
    }

    public static Option<string> Format()
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = $"Report format: {string.Join(", ", ReportFormats.Names)}.",
            DefaultValueFactory = _ => "text",
        };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!ReportFormats.TryParse(value, out _))
                result.AddError($"--format {value}: unknown report format; use one of {string.Join(", ", ReportFormats.Names)}.");
        });
        return option;
    }

    public static Option<string?> Output() => NotEmpty(new Option<string?>("--output", "-o")
    {
        Description = "Write the report to this file instead of stdout.",
    });

    public static Option<string?> SourceRoot() => NotEmpty(new Option<string?>("--source-root")
    {
        Description = "SARIF: the folder locations are relative to (%SRCROOT%); default: the git repository the command runs in.",
    });

    public static Option<string?> Summary() => NotEmpty(new Option<string?>("--summary")
    {
        Description = "Also write the report as Markdown to this file (e.g. $GITHUB_STEP_SUMMARY), whatever --format says.",
    });

    public static Option<string> FailOn()
    {
        var option = new Option<string>("--fail-on")
        {
            Description = $"The least severe finding that fails the run (exit 1): {string.Join(", ", FailOnSeverity.Names)}. " +
                          "Default: info (any finding). A stale waiver fails the run whatever it says.",
            DefaultValueFactory = _ => FailOnSeverity.Default,
        };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!FailOnSeverity.TryParse(value, out _))
                result.AddError($"--fail-on {value}: unknown severity; use one of {string.Join(", ", FailOnSeverity.Names)}.");
        });
        return option;
    }

    /// <summary>--rule or --skip-rule: rule IDs the harness knows; a typo names the rule meant.</summary>
    public static Option<string[]> Rules(string name, string description)
    {
        var option = NotEmpty(new Option<string[]>(name)
        {
            Description = description + " A rule ID such as TG1001.",
            AllowMultipleArgumentsPerToken = false,
        });
        option.Validators.Add(result =>
        {
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
            {
                var id = value.Trim().ToUpperInvariant();
                if (id.Length == 0 || HarnessRules.IsKnown(id))
                    continue;
                var meant = UsageErrors.Closest(id, HarnessRules.All.Select(r => r.Id));
                result.AddError($"{name} {value}: no such rule" + (meant is null ? "" : $"; did you mean {meant}?") +
                                " Rules: TG1001–TG1022, TG2000–TG2009, TG2101–TG2106.");
                return;
            }
        });
        return option;
    }

    /// <summary>An empty value (an unset shell variable: --app-role "$APP_ROLE") is a usage error, not a name.</summary>
    private static T NotEmpty<T>(T option) where T : Option
    {
        option.Validators.Add(RejectEmptyValues);
        return option;
    }

    private static void RejectEmptyValues(OptionResult result)
    {
        if (result.Tokens.Any(token => string.IsNullOrWhiteSpace(token.Value)))
            result.AddError($"{result.Option.Name}: the value is empty (an unset variable?); give a value or leave the option out.");
    }
}
