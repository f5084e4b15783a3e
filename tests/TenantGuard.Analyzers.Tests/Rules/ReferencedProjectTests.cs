using TenantGuard.Analyzers.Rules;
using TenantGuard.Analyzers.Tests.Infrastructure;

namespace TenantGuard.Analyzers.Tests.Rules;

/// <summary>
/// A layered solution: handlers and repositories in one project, the DbContext and its OnModelCreating in another.
/// The context's filters are out of this compilation's sight, so it is taken to filter its tenant-owned entities.
/// </summary>
public sealed class ReferencedProjectTests
{
    private const string ModelProject = Code.Usings + EfTenancy.FilteredContext + """

        public sealed class AuditEntry { public Guid Id { get; set; } public bool IsDeleted { get; set; } }
        public sealed class SqlGateway(IDbConnection connection)
        {
            public Task<IEnumerable<T>> QueryAsync<T>(string sql) => connection.QueryAsync<T>(sql);
        }
        """;

    [Fact]
    public Task TG0005_reports_switching_off_the_filters_of_a_context_in_another_project() =>
        AnalyzerTest<TG0005QueryFilterIgnoredOnTenantEntity>.VerifyWithReferencedProjectAsync(Code.Usings + """
            public sealed class ListTrashHandler(ShopContext db)
            {
                public Task<List<Order>> Trash() => db.Orders.{|TG0005:IgnoreQueryFilters()|}.Where(o => o.IsDeleted).ToListAsync();
                public Task<List<Order>> Mine(Guid tenantId) => db.Orders.IgnoreQueryFilters().Where(o => o.TenantId == tenantId).ToListAsync();
                public Task<List<Country>> Countries() => db.Countries.IgnoreQueryFilters().ToListAsync();
                public Task<List<Order>> Named() => db.Orders.IgnoreQueryFilters(["SoftDelete"]).ToListAsync();
            }
            """, ModelProject);

    [Fact]
    public Task TG0005_reports_a_query_whose_context_a_generic_repository_hides() =>
        AnalyzerTest<TG0005QueryFilterIgnoredOnTenantEntity>.VerifyWithReferencedProjectAsync(Code.Usings + """
            public sealed class OrderRepository(IQueryable<Order> all)
            {
                public Task<List<Order>> Everything(bool ignoreTenant) =>
                    (ignoreTenant ? all.{|TG0005:IgnoreQueryFilters()|}.Where(o => !o.IsDeleted) : all).ToListAsync();
            }
            """, ModelProject);

    [Fact]
    public Task TG0006_is_silent_on_a_context_whose_filters_it_cannot_read() =>
        AnalyzerTest<TG0006QueryOnUnfilteredTenantEntity>.VerifyWithReferencedProjectAsync(Code.Usings + """
            public sealed class OrderQueries(ShopContext db)
            {
                public Task<List<Order>> All() => db.Orders.ToListAsync();
            }
            """, ModelProject);

    [Fact]
    public Task TG0001_is_silent_on_a_repository_over_a_context_in_another_project() =>
        AnalyzerTest<TG0001DataAccessMethodWithoutTenantScope>.VerifyWithReferencedProjectAsync(Code.Usings + """
            public sealed class OrderRepository(ShopContext db)
            {
                public Task<List<Order>> All() => db.Orders.ToListAsync();
            }
            """, ModelProject);

    [Fact]
    public Task TG0002_does_not_read_a_wrapper_of_another_project_and_does_not_fail() =>
        // The build sees the other project as metadata and cannot read the wrapper's body; an IDE must report the same.
        AnalyzerTest<TG0002QueryWithoutTenantFilter>.VerifyWithReferencedProjectAsync(Code.Usings + """
            public sealed class OrderService(SqlGateway gateway)
            {
                public Task<IEnumerable<Guid>> All() => gateway.QueryAsync<Guid>("SELECT id FROM orders");
            }
            """, ModelProject);
}
