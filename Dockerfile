# milvus-ingest: the bin/ingest CLI (default command: "run", the drop folder). Built from source with Maven.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/milvus-ingest.jar /app/target/milvus-ingest.jar
COPY --from=build /src/target/lib /app/target/lib
COPY config /app/config
COPY routes /app/routes
# -XX:TieredStopAtLevel=1: as bin/ingest (the model, native code, is the CPU limit; C2's compilations competed with it)
ENTRYPOINT ["java", "-XX:TieredStopAtLevel=1", "-Dingest.home=/app", "-cp", "/app/target/milvus-ingest.jar:/app/target/lib/*", "io.milvusingest.cli.Main"]
CMD ["run"]
