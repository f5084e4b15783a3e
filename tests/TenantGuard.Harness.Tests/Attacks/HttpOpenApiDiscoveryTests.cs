using TenantGuard.Harness.Attacks.Http;

namespace TenantGuard.Harness.Tests.Attacks;

/// <summary>OpenAPI discovery and request bodies, read from a real OpenAPI 3.1 document by Microsoft.OpenApi.</summary>
public sealed class HttpOpenApiDiscoveryTests
{
    private const string Document = """
        {"openapi":"3.1.1","info":{"title":"t","version":"1"},
         "paths":{
          "/health":{"get":{"responses":{"200":{"description":"ok"}}}},
          "/api/projects":{"get":{"operationId":"ListProjects","responses":{"200":{"description":"ok"}}},
                           "post":{"operationId":"CreateProject","requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/NewProject"}}}},"responses":{"201":{"description":"ok"}}}},
          "/api/projects/{id}":{"get":{"operationId":"GetProject","parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string","format":"uuid"}}],"responses":{"200":{"description":"ok"}}},
                                "patch":{"operationId":"PatchProject","responses":{"200":{"description":"ok"}}},
                                "delete":{"operationId":"DeleteProject","responses":{"204":{"description":"ok"}}}},
          "/api/projects/{projectId}/notes":{"get":{"responses":{"200":{"description":"ok"}}}},
          "/api/projects/{projectId}/notes/{noteId}":{"get":{"responses":{"200":{"description":"ok"}}}},
          "/api/reports/{id}":{"get":{"responses":{"200":{"description":"ok"}}}},
          "/api/exports":{"post":{"responses":{"202":{"description":"ok"}}}}
         },
         "components":{"schemas":{"NewProject":{"type":"object","required":["name","clientId","startsOn","kind","seats"],
           "properties":{"name":{"type":"string","maxLength":12},"clientId":{"type":"string","format":"uuid"},
             "startsOn":{"type":"string","format":"date"},"kind":{"type":"string","enum":["internal","external"]},
             "seats":{"type":["integer","string"],"minimum":2},"tenantId":{"type":["null","string"],"format":"uuid"},
             "ownerId":{"type":["null","string"],"format":"uuid"},"id":{"type":"string","readOnly":true}}}}}}
        """;

    private static ApiDiscovery Discover() => OpenApiResourceFinder.Find(OpenApiDocumentSource.Parse(Document, "api.json"));

    [Fact]
    public void Finds_collections_with_their_items_nested_ones_included()
    {
        var discovery = Discover();

        var projects = Assert.Single(discovery.Resources, r => r.Name == "projects");
        Assert.Equal("/api/projects/{id}", projects.Item);
        Assert.Equal("CreateProject", projects.Create?.OperationId);
        Assert.Equal(HttpMethod.Patch, projects.Update?.Method);
        Assert.Equal("DeleteProject", projects.Delete?.OperationId);
        var notes = Assert.Single(discovery.Resources, r => r.Name == "projects.notes");
        Assert.Equal("/api/projects/{projectId}/notes/{noteId}", notes.Item);
        Assert.Null(notes.Create);
    }

    [Fact]
    public void Says_what_it_skipped_and_why()
    {
        var skipped = Discover().Skipped;

        Assert.Contains(skipped, s => s.StartsWith("/health: no item path", StringComparison.Ordinal));
        Assert.Contains(skipped, s => s.StartsWith("/api/reports/{id}: no collection path /api/reports", StringComparison.Ordinal));
        Assert.Contains(skipped, s => s.StartsWith("/api/exports: no item path", StringComparison.Ordinal));
        Assert.DoesNotContain(Discover().Resources, r => r.Name is "health" or "reports" or "exports");
    }

    [Fact]
    public void Writes_a_body_from_the_schema_with_references_formats_and_enums()
    {
        var schema = Discover().Resources.Single(r => r.Name == "projects").Create!.RequestSchema!;
        var clientId = Guid.NewGuid().ToString();

        var body = RequestBodyBuilder.Build(schema, "tenantguard-marker-1", stem => stem == "client" ? clientId : null);

        Assert.Equal("tenantguar", body["name"]!.GetValue<string>()[..10]);
        Assert.True(body["name"]!.GetValue<string>().Length <= 12);
        Assert.Equal(clientId, body["clientId"]!.GetValue<string>());
        Assert.True(DateOnly.TryParse(body["startsOn"]!.GetValue<string>(), out _));
        Assert.Equal("internal", body["kind"]!.GetValue<string>());
        Assert.Equal(2m, body["seats"]!.GetValue<decimal>());
        // Never the tenant (only the spoofing attack names one), never a guessed optional reference, never read-only.
        Assert.False(body.ContainsKey("tenantId"));
        Assert.False(body.ContainsKey("ownerId"));
        Assert.False(body.ContainsKey("id"));
        Assert.Equal("tenantId", RequestBodyBuilder.TenantPropertyOf(schema));
    }

    [Theory]
    [InlineData("tenantId", true)]
    [InlineData("tenant_id", true)]
    [InlineData("organizationId", true)]
    [InlineData("teamId", true)]
    [InlineData("clientId", false)]
    [InlineData("tenantName", false)]
    public void Knows_tenant_properties_by_their_names(string name, bool isTenant) => Assert.Equal(isTenant, TenantProperty.IsTenant(name));

    [Fact]
    public void A_document_without_paths_is_a_clear_error()
    {
        var error = Assert.Throws<HarnessException>(() => OpenApiDocumentSource.Parse("""{"openapi":"3.1.1","info":{"title":"t","version":"1"},"paths":{}}""", "api.json"));
        Assert.StartsWith("api.json: not a usable OpenAPI document", error.Message);
    }

    [Fact]
    public void A_config_may_name_the_openapi_document_instead_of_endpoints()
    {
        var config = HttpAttackConfig.Parse("""{"tenants":[{"name":"a","apiKey":"ka"},{"name":"b","apiKey":"kb"}],"openapi":"/openapi/v1.json","maxRequests":50}""", "http.json");

        Assert.Equal("/openapi/v1.json", config.Openapi);
        Assert.Equal(50, config.MaxRequests);
        Assert.Empty(config.Endpoints);
    }
}
