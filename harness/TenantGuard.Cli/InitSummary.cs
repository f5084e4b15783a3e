using System.Text;
using TenantGuard.Harness.Setup;

namespace TenantGuard.Cli;

/// <summary>What <c>init</c> prints: each detected value with its reasoning, the files written, the .editorconfig
/// block for the analyzers, and what is left for the user to decide.</summary>
internal static class InitSummary
{
    public static string Describe(ProjectSetup setup, InitFiles files)
    {
        var text = new StringBuilder();
        text.AppendLine($"migrations:     {files.MigrationsInRepository}, {setup.Layout} layout ({setup.LayoutReason}), {setup.MigrationFiles} file(s)");
        text.AppendLine($"tenant column:  {setup.TenantColumn.Column ?? "not found"}: {setup.TenantColumn.Reason}");
        text.AppendLine($"app role:       {(setup.AppRole.Value is null ? "not chosen: " : "")}{setup.AppRole.Reason}");
        text.AppendLine($"tenant setting: {setup.TenantSetting.Reason}");
        text.AppendLine();
        text.AppendLine($"wrote {files.Config}");
        text.AppendLine($"wrote {files.Workflow} (tenantguard check on push and pull requests; SARIF under category tenantguard)");

        if (setup.TenantColumn.Column is { } column)
        {
            text.AppendLine();
            text.AppendLine("For the analyzers, add to .editorconfig:");
            text.AppendLine("[*.cs]");
            text.AppendLine($"tenantguard.tenant_column = {column}");
        }

        var todo = new List<string>();
        if (setup.TenantColumn.Column is null)
            todo.Add("the tenant column: set TENANT_COLUMN in the workflow");
        if (setup.AppRole.Value is null)
        {
            todo.Add(setup.AppRole.IsAmbiguous
                ? $"the app role: several roles could be it ({string.Join(", ", setup.AppRole.Candidates)}); set APP_ROLE in the workflow"
                : "the app role: set APP_ROLE in the workflow");
        }
        if (todo.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("TODO before the workflow can pass (marked TODO in it):");
            foreach (var item in todo)
                text.AppendLine($"  - {item}");
        }

        return text.ToString();
    }
}
