using System.Text;

namespace TenantGuard.SampleApp.Tests.Variants;

/// <summary>The variant → rule → caught table of docs/isolation-variants.md, in catalogue order.</summary>
public static class VariantTable
{
    public static string Markdown(IEnumerable<VariantResult> results)
    {
        var byName = results.ToDictionary(r => r.Variant.Name);
        var text = new StringBuilder()
            .AppendLine("# Isolation variants: what the suite catches")
            .AppendLine()
            .AppendLine("Each row is a deliberately broken copy of the sample app (its migrations plus one break file, or one part of the")
            .AppendLine("app replaced) from `tests/TenantGuard.SampleApp.Tests/Variants/VariantCatalogue.cs`. The isolation suite (audit,")
            .AppendLine("database attacks, and HTTP attacks when the app itself is broken) must report every expected rule. This table is")
            .AppendLine("written by the test run: `TENANTGUARD_VARIANTS_TABLE=$PWD/docs/isolation-variants.md dotnet test tests/TenantGuard.SampleApp.Tests`.")
            .AppendLine()
            .AppendLine("| Variant | What is broken | Rule | Caught |")
            .AppendLine("|---|---|---|---|");
        foreach (var variant in VariantCatalogue.All.Where(v => byName.ContainsKey(v.Name)))
        {
            var result = byName[variant.Name];
            foreach (var rule in variant.ExpectedRules)
            {
                text.Append("| `").Append(variant.Name).Append("` | ").Append(variant.Description).Append(" | [").Append(rule)
                    .Append("](rules/").Append(rule).Append(".md) | ").Append(result.Caught(rule) ? "yes" : "**no**").AppendLine(" |");
            }
        }

        return text.ToString();
    }
}
