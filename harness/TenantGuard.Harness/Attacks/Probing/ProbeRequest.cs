using System.Text;
using TenantGuard.Harness.Attacks.Seeding;

namespace TenantGuard.Harness.Attacks.Probing;

/// <summary>One attack statement as the application role: in its own transaction, with the tenant set
/// transaction-locally (or no tenant), after an optional setup statement, always rolled back.</summary>
public sealed record ProbeRequest(string? Tenant, string Sql, bool Scalar, string? SetupSql)
{
    /// <summary>The statement that sets the tenant for the transaction, or null when the probe runs without one.</summary>
    public string? SetTenantSql(string tenantSetting) =>
        Tenant is null ? null : $"SELECT set_config({SqlText.Quote(tenantSetting)}, {SqlText.Quote(Tenant)}, true)";

    /// <summary>The psql transcript of what ran and what it did: the same whichever way the probe reached the server.</summary>
    public ProbeOutcome Outcome(string appRole, string tenantSetting, long setupRows, long rows, ProbeError? error, bool setupFailed)
    {
        var transcript = new StringBuilder().Append("-- connected as ").Append(appRole).AppendLine().AppendLine("BEGIN;");
        if (SetTenantSql(tenantSetting) is { } setTenant)
            transcript.Append(setTenant).AppendLine(";");
        if (SetupSql is not null)
        {
            transcript.Append(SetupSql).Append(';')
                .Append(setupFailed ? $"  -- ERROR {error!.SqlState}: {error.MessageText}" : $"  -- {setupRows} row(s) affected").AppendLine();
        }

        if (!setupFailed)
        {
            var result = error is not null ? $"ERROR {error.SqlState}: {error.MessageText}"
                : Scalar ? $"returned count = {rows}" : $"{rows} row(s) affected";
            transcript.Append(Sql).Append(";  -- ").Append(result).AppendLine();
        }

        return new ProbeOutcome(transcript.AppendLine("ROLLBACK;").ToString(), error is null ? rows : 0, error, setupFailed);
    }
}
