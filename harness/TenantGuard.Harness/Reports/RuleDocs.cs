namespace TenantGuard.Harness.Reports;

/// <summary>Where each rule's documentation page lives: docs/rules/&lt;ID&gt;.md.</summary>
public static class RuleDocs
{
    /// <summary>The base every help link starts with. Teams that publish the docs elsewhere may change it.</summary>
    public static string BaseUri { get; set; } = "https://github.com/tenantguard/tenantguard/blob/main/";

    public static string PathFor(string ruleId) => $"docs/rules/{ruleId}.md";

    public static string HelpUriFor(string ruleId) => BaseUri + PathFor(ruleId);
}
