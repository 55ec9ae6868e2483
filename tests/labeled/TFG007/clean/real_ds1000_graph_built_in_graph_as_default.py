# source: https://huggingface.co/datasets/xlangai/DS-1000
# reported: DS-1000's TensorFlow problem taken from Stack Overflow, "How would you convert this Tensorflow 1.5 code to Tensorflow 2.3.0?": with A and B from tf.random.normal made before `with Session() as sess:`, sess.run(tf.reduce_sum(tf.matmul(A,B))) throws "Attempting to capture an EagerTensor without building a function."; this keeps the TF1 structure but builds A, B and the sum in an explicit graph.
# observed (TF 2.21): everything is created under `with tf.Graph().as_default():`, so A, B, the sum and tf.gradients(result, [A, B]) are graph tensors of the graph the Session runs; no error.
import time

import tensorflow as tf

N = 16
graph = tf.Graph()
with graph.as_default():
    tf.compat.v1.set_random_seed(10)
    A = tf.random.normal([N, N])
    B = tf.random.normal([N, N])
    result = tf.reduce_sum(tf.matmul(A, B))
    d_result = tf.gradients(result, [A, B])

start = time.perf_counter()
with tf.compat.v1.Session(graph=graph) as sess:
    value, (dA, dB) = sess.run([result, d_result])
print("sum", value, "grad shapes", dA.shape, dB.shape, "in", time.perf_counter() - start, "s")
