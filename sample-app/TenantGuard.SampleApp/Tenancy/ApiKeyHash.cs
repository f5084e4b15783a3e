using System.Security.Cryptography;
using System.Text;

namespace TenantGuard.SampleApp.Tenancy;

/// <summary>API keys are stored and compared as SHA-256 hashes (hex), never in plain text.</summary>
public static class ApiKeyHash
{
    public static string Of(string apiKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));
}
