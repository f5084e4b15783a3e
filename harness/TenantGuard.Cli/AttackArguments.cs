using System.CommandLine;
using TenantGuard.Harness;
using TenantGuard.Harness.Attacks;
using TenantGuard.Harness.Waivers;

namespace TenantGuard.Cli;

/// <summary>How the database attacks seed tenants: the options verify and check share.</summary>
public sealed record AttackArguments(string? SeedSql = null, int Tenants = AttackArguments.DefaultTenants)
{
    public const int DefaultTenants = 3;

    /// <summary>Fails before a server starts when the seed file is missing or there are too few tenants.</summary>
    public void Check()
    {
        if (Tenants < 2)
            throw new HarnessException($"--tenants must be at least 2 (an attacker and a victim); got {Tenants}.");
        if (SeedSql is not null && !File.Exists(SeedSql))
            throw new HarnessException($"{Path.GetFullPath(SeedSql)}: seed SQL file not found (--seed-sql).");
    }

    public VerifyOptions ToVerifyOptions(IReadOnlyList<Waiver> waivers, IProgress<string> progress) => new()
    {
        Tenants = Tenants,
        SeedSqlFile = SeedSql,
        Waivers = waivers,
        Progress = progress,
    };
}

internal sealed class AttackOptions
{
    private readonly Option<string?> _seedSql = SharedOptions.SeedSql();
    private readonly Option<int> _tenants = SharedOptions.Tenants();

    public void AddTo(Command command)
    {
        command.Options.Add(_seedSql);
        command.Options.Add(_tenants);
    }

    public AttackArguments Read(ParseResult parsed) => new(parsed.GetValue(_seedSql), parsed.GetValue(_tenants));
}
