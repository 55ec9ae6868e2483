# source: https://github.com/PacktPublishing/Deep-Learning-with-TensorFlow/pull/2
# reported: Running the book's EmotionDetector with Python 3.6 gives "TypeError: Value passed to parameter 'shape' has DataType float32 not in list of allowed values: int32, int64"; the PR replaces IMAGE_SIZE / 4 by IMAGE_SIZE // 4 in the weight shapes.
# observed (TF 2.21): the module-level weights dict asks weight_variable for [(IMAGE_SIZE / 4) * (IMAGE_SIZE / 4) * 64, 256], a float dimension; tf.random.truncated_normal raises InvalidArgumentError at line 18.
from datetime import datetime

import numpy as np
import tensorflow as tf

BATCH_SIZE = 4
LEARNING_RATE = 1e-3
MAX_ITERATIONS = 2
REGULARIZATION = 1e-2
IMAGE_SIZE = 48
NUM_LABELS = 7


def weight_variable(shape, stddev=0.02, name=None):
    initial = tf.random.truncated_normal(shape, stddev=stddev)  # expect: TFG012
    return tf.Variable(initial, name=name)


def bias_variable(shape, name=None):
    initial = tf.constant(0.0, shape=shape)
    return tf.Variable(initial, name=name)


def max_pool_2x2(x):
    return tf.nn.max_pool2d(x, ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding="SAME")


weights = {
    'wc1': weight_variable([5, 5, 1, 32], name="W_conv1"),
    'wc2': weight_variable([3, 3, 32, 64], name="W_conv2"),
    'wf1': weight_variable([(IMAGE_SIZE / 4) * (IMAGE_SIZE / 4) * 64, 256], name="W_fc1"),
    'wf2': weight_variable([256, NUM_LABELS], name="W_fc2")
}

biases = {
    'bc1': bias_variable([32], name="b_conv1"),
    'bc2': bias_variable([64], name="b_conv2"),
    'bf1': bias_variable([256], name="b_fc1"),
    'bf2': bias_variable([NUM_LABELS], name="b_fc2")
}


def emotion_cnn(dataset):
    conv_1 = tf.nn.conv2d(dataset, weights['wc1'], strides=[1, 1, 1, 1], padding="SAME")
    h_1 = tf.nn.relu(tf.nn.bias_add(conv_1, biases['bc1']))
    h_pool1 = max_pool_2x2(h_1)

    conv_2 = tf.nn.conv2d(h_pool1, weights['wc2'], strides=[1, 1, 1, 1], padding="SAME")
    h_2 = tf.nn.relu(tf.nn.bias_add(conv_2, biases['bc2']))
    h_pool2 = max_pool_2x2(h_2)

    image_size = IMAGE_SIZE // 4
    h_flat = tf.reshape(h_pool2, [-1, image_size * image_size * 64])
    h_fc1 = tf.nn.relu(tf.matmul(h_flat, weights['wf1']) + biases['bf1'])
    h_fc1_dropout = tf.nn.dropout(h_fc1, rate=0.5)
    pred = tf.matmul(h_fc1_dropout, weights['wf2']) + biases['bf2']
    return pred


def loss(pred, label):
    cross_entropy_loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(logits=pred, labels=label))
    reg_losses = tf.add_n([tf.nn.l2_loss(v) for v in list(weights.values()) + list(biases.values())])
    return cross_entropy_loss + REGULARIZATION * reg_losses


def get_next_batch(images, labels, step):
    offset = (step * BATCH_SIZE) % (images.shape[0] - BATCH_SIZE)
    batch_images = images[offset: offset + BATCH_SIZE]
    batch_labels = labels[offset:offset + BATCH_SIZE]
    return batch_images, batch_labels


def main():
    train_images = np.random.rand(12, IMAGE_SIZE, IMAGE_SIZE, 1).astype(np.float32)
    train_labels = np.eye(NUM_LABELS, dtype=np.float32)[np.random.randint(0, NUM_LABELS, 12)]
    optimizer = tf.keras.optimizers.Adam(LEARNING_RATE)
    variables = list(weights.values()) + list(biases.values())

    for step in range(MAX_ITERATIONS):
        batch_image, batch_label = get_next_batch(train_images, train_labels, step)
        with tf.GradientTape() as tape:
            pred = emotion_cnn(batch_image)
            loss_val = loss(pred, batch_label)
        grads = tape.gradient(loss_val, variables)
        optimizer.apply_gradients(zip(grads, variables))
        print("%s Training Loss: %f" % (datetime.now(), loss_val))


if __name__ == "__main__":
    main()
