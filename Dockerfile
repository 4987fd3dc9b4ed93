# Build stage: compile and package the runnable jar.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY rules rules
RUN mvn -B -q package -DskipTests

# Run stage: the JRE, the jar and the example rules; runs as an unprivileged user.
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 sentinel \
 && useradd --system --uid 10001 --gid sentinel --home-dir /app --no-create-home sentinel
WORKDIR /app
COPY --from=build /src/target/backup-sentinel.jar /app/backup-sentinel.jar
COPY --from=build /src/rules /app/rules
USER 10001:10001
# The web port: status page, /metrics, report downloads.
EXPOSE 9797
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/backup-sentinel.jar"]
CMD ["run", "--config", "/config/sentinel.yml"]
