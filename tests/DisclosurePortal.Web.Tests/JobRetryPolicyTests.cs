using DisclosurePortal.Web.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Web.Tests;

public class JobRetryPolicyTests
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(4, 40)]
    public void Each_retry_waits_twice_as_long_as_the_one_before(int attemptsMade, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), JobRetryPolicy.NextDelay(attemptsMade, maxAttempts: 5, First));

    [Fact]
    public void The_wait_never_grows_past_the_cap()
    {
        Assert.Equal(JobRetryPolicy.MaxDelay, JobRetryPolicy.NextDelay(12, maxAttempts: 20, First));
        Assert.Equal(JobRetryPolicy.MaxDelay, JobRetryPolicy.NextDelay(19, maxAttempts: 20, TimeSpan.FromHours(1)));
    }

    [Theory]
    [InlineData(5, 5)]
    [InlineData(1, 1)]
    [InlineData(7, 5)]
    public void No_retry_is_left_once_the_attempts_are_used_up(int attemptsMade, int maxAttempts) =>
        Assert.Null(JobRetryPolicy.NextDelay(attemptsMade, maxAttempts, First));

    [Fact]
    public void A_zero_delay_retries_at_once() => Assert.Equal(TimeSpan.Zero, JobRetryPolicy.NextDelay(3, 5, TimeSpan.Zero));
}

public class JobOptionsTests
{
    [Fact]
    public void The_defaults_are_valid() => Assert.Equal(5, Options().MaxAttempts);

    [Theory]
    [InlineData("Jobs:LeaseDuration", "00:00:01", "Jobs:LeaseDuration must be between 5 seconds and 1 hour.")]
    [InlineData("Jobs:PollInterval", "00:00:00", "Jobs:PollInterval must be between 50 milliseconds and 5 minutes.")]
    [InlineData("Jobs:MaxAttempts", "0", "Jobs:MaxAttempts must be between 1 and 20.")]
    [InlineData("Jobs:RetryDelay", "-00:00:01", "Jobs:RetryDelay must be between 0 and 1 hour.")]
    public void A_value_out_of_range_is_refused_with_its_key(string key, string value, string message)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Options((key, value)));
        Assert.Contains(failure.Failures, f => f.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Values_in_range_are_taken()
    {
        var options = Options(("Jobs:LeaseDuration", "00:02:00"), ("Jobs:MaxAttempts", "3"), ("Jobs:RetryDelay", "00:00:00"));
        Assert.Equal((TimeSpan.FromMinutes(2), 3, TimeSpan.Zero), (options.LeaseDuration, options.MaxAttempts, options.RetryDelay));
    }

    private static JobOptions Options(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
        using var services = new ServiceCollection().AddPortalJobs(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<JobOptions>>().Value;
    }
}
