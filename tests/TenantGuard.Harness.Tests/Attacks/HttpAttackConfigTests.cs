using TenantGuard.Harness.Attacks.Http;

namespace TenantGuard.Harness.Tests.Attacks;

public sealed class HttpAttackConfigTests
{
    private const string Endpoints = """ "endpoints":[{"name":"clients","list":"/api/clients","item":"/api/clients/{id}"}] """;

    [Fact]
    public void Reads_tenants_and_endpoints_with_defaults()
    {
        var config = HttpAttackConfig.Parse($$"""{"tenants":[{"name":"a","apiKey":"ka"},{"name":"b","subdomain":"b"}],{{Endpoints}}}""", "http.json");

        Assert.Equal("X-Api-Key", config.ApiKeyHeader);
        Assert.Equal("X-Tenant-ID", config.TenantHeader);
        Assert.Equal("ka", config.Tenants[0].ApiKey);
        Assert.Null(config.Tenants[1].ApiKey);
        Assert.Equal("id", config.Endpoints[0].IdField);
    }

    [Theory]
    [InlineData("""{"tenants":[{"name":"a","apiKey":"k"}],"endpoints":[]}""", "http.json: \"tenants\" must name at least two tenants")]
    [InlineData("""{"tenants":[{"name":"a","apiKey":"k"},{"name":"b"}],"endpoints":[]}""", "tenant \"b\" has no apiKey, subdomain or tenantHeader")]
    [InlineData("""{"tenants":[{"name":"a","apiKey":"k"},{"name":"b","apiKey":"l"}],"endpoints":[]}""", "neither \"openapi\" nor \"endpoints\"")]
    [InlineData("""{"tenants":[{"name":"a","apiKey":"k"},{"name":"b","apiKey":"l"}],"endpoints":[{"name":"c","list":"/c","item":"/c/1"}]}""", "\"item\" must contain {id}")]
    [InlineData("{\n\"tenants\": [\n{\"name\": }", "http.json:3:")]
    [InlineData("""{"tenant":[]}""", "'tenant' could not be mapped")]
    public void Bad_files_get_one_clear_error_naming_the_file(string json, string expected)
    {
        var error = Assert.Throws<HarnessException>(() => HttpAttackConfig.Parse(json, "http.json"));
        Assert.Contains(expected, error.Message);
        Assert.StartsWith("http.json", error.Message);
    }

    [Theory]
    [InlineData("""[{"id":1},{"id":"b"}]""", "1,b")]
    [InlineData("""{"items":[{"id":"x"}],"total":1}""", "x")]
    [InlineData("""{"error":"nope"}""", "")]
    [InlineData("not json", "")]
    public void Finds_record_ids_in_list_responses(string body, string expected)
    {
        Assert.Equal(expected, string.Join(",", HttpIsolationAttack.IdsIn(body, "id")));
    }
}
