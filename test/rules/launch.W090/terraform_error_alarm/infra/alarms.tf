resource "aws_cloudwatch_log_group" "app" {
  name = "/ecs/app"
}

resource "aws_cloudwatch_log_metric_filter" "application_error" {
  name           = "ApplicationError"
  pattern        = "Error"
  log_group_name = aws_cloudwatch_log_group.app.name

  metric_transformation {
    name      = "ApplicationError"
    namespace = "app"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "application_error" {
  alarm_name          = "ApplicationError"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = "1"
  metric_name         = aws_cloudwatch_log_metric_filter.application_error.name
  namespace           = "app"
  period              = "60"
  statistic           = "Sum"
  threshold           = "0"
  alarm_actions       = [aws_sns_topic.alerts.arn]
}
