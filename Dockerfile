# milvus-ingest: the bin/ingest CLI (default command: "run", the drop folder). Built from source with Maven.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY milvus-ingest-core/pom.xml milvus-ingest-core/
COPY milvus-ingest-app/pom.xml milvus-ingest-app/
COPY milvus-ingest-core/src milvus-ingest-core/src
COPY milvus-ingest-app/src milvus-ingest-app/src
RUN mvn -B -q -DskipTests package -pl milvus-ingest-app -am

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/milvus-ingest-app/target/milvus-ingest.jar /app/lib/milvus-ingest.jar
COPY --from=build /src/milvus-ingest-app/target/lib /app/lib
COPY config /app/config
COPY routes /app/routes
# -XX:TieredStopAtLevel=1: as bin/ingest (the model, native code, is the CPU limit; C2's compilations competed with it)
ENTRYPOINT ["java", "-XX:TieredStopAtLevel=1", "-Dingest.home=/app", "-cp", "/app/lib/*", "io.milvusingest.cli.Main"]
CMD ["run"]
