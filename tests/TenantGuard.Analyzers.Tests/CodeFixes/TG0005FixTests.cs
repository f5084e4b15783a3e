using TenantGuard.Analyzers.Rules;
using TenantGuard.Analyzers.Tests.Infrastructure;
using TenantGuard.CodeFixes;
using Fix = TenantGuard.Analyzers.Tests.Infrastructure.CodeFixTest<
    TenantGuard.Analyzers.Rules.TG0005QueryFilterIgnoredOnTenantEntity, TenantGuard.CodeFixes.TG0005ReapplyTenantPredicateFix>;

namespace TenantGuard.Analyzers.Tests.CodeFixes;

public sealed class TG0005FixTests
{
    private static string Source(string code) => Code.Usings + code + EfTenancy.FilteredContext;

    [Fact]
    public Task Filters_by_a_tenant_parameter_after_ignore_query_filters() => Fix.VerifyAsync(Source("""
        public sealed class Handler(ShopContext db)
        {
            public Task<List<Order>> Trash(Guid tenantId) => db.Orders.{|TG0005:IgnoreQueryFilters()|}.Where(o => o.IsDeleted).ToListAsync();
        }
        """), Source("""
        public sealed class Handler(ShopContext db)
        {
            public Task<List<Order>> Trash(Guid tenantId) => db.Orders.IgnoreQueryFilters().Where(o => o.TenantId == tenantId).Where(o => o.IsDeleted).ToListAsync();
        }
        """));

    [Fact]
    public Task Uses_a_tenant_accessor_and_fixes_all() => Fix.VerifyAsync(Source("""
        public sealed class Handler(ShopContext db, ITenantProvider tenantProvider)
        {
            public Task<List<Order>> A() => db.Orders
                .{|TG0005:IgnoreQueryFilters()|}
                .ToListAsync();
            public Task<int> B() => db.Orders.{|TG0005:IgnoreQueryFilters()|}.CountAsync();
        }
        """), Source("""
        public sealed class Handler(ShopContext db, ITenantProvider tenantProvider)
        {
            public Task<List<Order>> A() => db.Orders
                .IgnoreQueryFilters().Where(o => o.TenantId == tenantProvider.TenantId)
                .ToListAsync();
            public Task<int> B() => db.Orders.IgnoreQueryFilters().Where(o => o.TenantId == tenantProvider.TenantId).CountAsync();
        }
        """));

    [Fact]
    public Task No_fix_without_a_tenant_value_in_scope()
    {
        var source = Source("""
            public sealed class Handler(ShopContext db)
            {
                public Task<List<Order>> All(string tenantId) => db.Orders.{|TG0005:IgnoreQueryFilters()|}.ToListAsync();
            }
            """);
        return Fix.VerifyAsync(source, source);
    }
}
