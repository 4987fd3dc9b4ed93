-- wrk script: DescribeContinuousBackups against the sandbox, as the AWS SDK sends it (awsJson1_0).
-- The sandbox routes by the SigV4 credential scope and does not verify signatures, so a well-formed
-- Authorization header with a fixed signature is enough. Each request names one of TABLES tables at random.
-- Usage: wrk -t1 -c32 -d30s -s bench/describe-continuous-backups.lua http://127.0.0.1:4566/ -- 1000
local tables = 1000

function init(args)
  if args[1] then tables = tonumber(args[1]) end
  math.randomseed(os.time())
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-amz-json-1.0"
wrk.headers["X-Amz-Target"] = "DynamoDB_20120810.DescribeContinuousBackups"
wrk.headers["X-Amz-Date"] = "20250601T120000Z"
wrk.headers["Authorization"] = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20250601/us-east-1/dynamodb/aws4_request, "
  .. "SignedHeaders=content-type;host;x-amz-date;x-amz-target, "
  .. "Signature=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

function request()
  local body = string.format('{"TableName":"t-%05d"}', math.random(0, tables - 1))
  return wrk.format(nil, nil, nil, body)
end
-- No response() callback: wrk counts non-2xx answers itself ("Non-2xx or 3xx responses").
